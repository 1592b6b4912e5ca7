import MeshDumpCore

/// An error the caller's object callback threw: passed through untouched, never taken for a
/// failure of the kind.
struct CallbackFailure: Error {
    var underlying: any Error
}

/// Decodes a list page's objects one at a time from the answer's bytes (so a page is never held
/// as values all at once) and hands each to a callback, with its origin on the cluster.
struct PageReader {
    let kind: ServedKind
    let context: String
    var droppedFields: DroppedFields? = nil

    /// What a page said about the list beyond its objects.
    struct PageEnd {
        var continueToken: String?
        var objects: Int
    }

    /// Reads `response`; `accept` decides per object whether to hand it on (filters, skipping
    /// what an earlier page delivered); `listStarted` gets the continue token as soon as the
    /// list's fields are known (the API server writes them after the items, which the decoder
    /// skips over first), before any object is handed on.
    func read(_ response: Response, accept: (Object) -> Bool, listStarted: (String?) -> Void = { _ in },
              body: (Object) async throws -> Void) async throws -> PageEnd {
        let decoder = ObjectDecoder(InputBytes(response.body, source: response.path), tracksPositions: false,
                                    dropped: droppedFields)
        var count = 0
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
        return PageEnd(continueToken: decoder.listFields.flatMap(Self.continueToken), objects: count)
    }

    private static func continueToken(_ fields: Mapping) -> String? {
        guard let token = fields["metadata"]?["continue"]?.stringValue, !token.isEmpty else { return nil }
        return token
    }

    /// `/apis/networking.istio.io/v1/namespaces/NS/virtualservices/NAME`
    func objectPath(_ object: Object) -> String {
        kind.collectionPath(namespace: object.namespace.isEmpty ? nil : object.namespace) + "/" + object.name
    }
}
