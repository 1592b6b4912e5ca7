import MeshDumpCore

/// An error the caller's object callback threw: passed through untouched, never taken for a
/// failure of the kind.
struct CallbackFailure: Error {
    var underlying: any Error
}

/// Decodes a list page's objects one at a time from the answer's bytes (so a page is never held
/// as values all at once) and hands each to a callback, with its origin on the cluster.
///
/// Every item must be of the listed kind and apiVersion (and, in a namespace's list, in that
/// namespace): anything else fails the page, naming the item, instead of being written as one
/// of the kind's objects. In a metadata-only list the items are `PartialObjectMetadata`; each
/// becomes an object of the listed kind with its metadata alone (and whole objects, from a
/// server that ignored the request for metadata, are cut down to the same).
struct PageReader {
    let kind: ServedKind
    let context: String
    var droppedFields: DroppedFields? = nil
    /// The namespace listed, or nil for a cluster-wide list.
    var namespace: String? = nil
    /// Whether the list was asked for as a `PartialObjectMetadataList`.
    var metadataOnly = false

    /// What a page said about the list beyond its objects.
    struct PageEnd {
        var continueToken: String?
        /// The list's `remainingItemCount`: objects after this page, when the server counts them.
        var remainingItemCount: Int?
        /// Objects handed on.
        var objects: Int
        /// Objects in the page, handed on or not.
        var received: Int
    }

    /// Reads `response`; `accept` decides per object whether to hand it on (filters, skipping
    /// what an earlier page delivered); `listStarted` gets the continue token as soon as the
    /// list's fields are known (the API server writes them after the items, which the decoder
    /// skips over first), before any object is handed on.
    func read(_ response: Response, accept: (Object) -> Bool, listStarted: (String?) -> Void = { _ in },
              body: (Object) async throws -> Void) async throws -> PageEnd {
        let decoder = ObjectDecoder(InputBytes(response.body, source: response.path), tracksPositions: false,
                                    dropped: droppedFields)
        var count = 0, received = 0
        var started = false
        while true {
            let next: Object?
            do {
                next = try decoder.next()
            } catch {
                throw KubeError.malformedResponse("GET \(response.path): the list cannot be read: \(error)")
            }
            if !started, let fields = decoder.listFields {
                started = true
                listStarted(Self.continueToken(fields))
            }
            guard var object = next else { break }
            received += 1
            if metadataOnly { object = try metadata(of: object, path: response.path) }
            try check(object, path: response.path)
            guard accept(object) else { continue }
            object.origin = .cluster(context: context, path: objectPath(object))
            do {
                try await body(object)
            } catch {
                throw CallbackFailure(underlying: error)
            }
            count += 1
        }
        guard decoder.listFields != nil else {
            throw KubeError.malformedResponse("GET \(response.path): the answer is not a list")
        }
        return PageEnd(continueToken: decoder.listFields.flatMap(Self.continueToken),
                       remainingItemCount: decoder.listFields.flatMap(Self.remainingItemCount), objects: count, received: received)
    }

    private static func continueToken(_ fields: Mapping) -> String? {
        guard let token = fields["metadata"]?["continue"]?.stringValue, !token.isEmpty else { return nil }
        return token
    }

    private static func remainingItemCount(_ fields: Mapping) -> Int? {
        guard case .int(let text)? = fields["metadata"]?["remainingItemCount"] else { return nil }
        return Int(text)
    }

    /// Refuses an item that is not one of the listed kind's objects (in the listed namespace).
    private func check(_ object: Object, path: String) throws(KubeError) {
        let named = "\(object.kind) \(object.namespace.isEmpty ? "" : object.namespace + "/")\(object.name) (\(object.apiVersion))"
        if object.kind != kind.kind.kind || object.apiVersion != kind.apiVersion {
            throw KubeError.malformedResponse("GET \(path): the list of \(kind.kind.kind) (\(kind.apiVersion)) holds \(named), an object of another kind")
        }
        if let namespace, object.namespace != namespace {
            throw KubeError.malformedResponse("GET \(path): the list of namespace \(namespace) holds \(named), an object of another namespace")
        }
    }

    /// A `PartialObjectMetadata` item, or a whole object of the listed kind, as an object of the
    /// listed kind holding only `apiVersion`, `kind` and `metadata`.
    private func metadata(of item: Object, path: String) throws(KubeError) -> Object {
        guard item.kind == "PartialObjectMetadata" && item.apiVersion == "meta.k8s.io/v1" || item.kind == kind.kind.kind else {
            throw KubeError.malformedResponse("GET \(path): the metadata list of \(kind.kind.kind) holds \(item.kind) \(item.name) (\(item.apiVersion))")
        }
        var object = item
        object.value = ["apiVersion": .string(kind.apiVersion), "kind": .string(kind.kind.kind), "metadata": item.value["metadata"] ?? .null]
        return object
    }

    /// `/apis/networking.istio.io/v1/namespaces/NS/virtualservices/NAME`
    func objectPath(_ object: Object) -> String {
        kind.objectPath(namespace: object.namespace.isEmpty ? nil : object.namespace, name: object.name)
    }
}
