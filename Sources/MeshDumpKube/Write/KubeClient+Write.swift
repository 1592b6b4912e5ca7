import MeshDumpCore
import NIOHTTP1

/// Writes: server-side apply of one object, delete with preconditions, namespace creation. Each
/// is one request, retried on 429, 5xx and dropped connections as reads are; failures come back
/// as a `WriteError` saying what the caller can do.
extension KubeClient {
    /// Server-side applies `object` (PATCH, `application/apply-patch+yaml`) at its own apiVersion,
    /// to the resource and scope `kind` names. The object is sent as its configuration: uid,
    /// resourceVersion, generation, creationTimestamp, managedFields and status are left out. A
    /// namespaced object without a namespace goes to the context's namespace (else `default`),
    /// as with kubectl; a cluster-scoped object is sent without one. `live` — the object as last listed, or a dry run's answer — lets the
    /// result tell `configured` from `unchanged` (see `ApplyResult`). Creating a Namespace makes
    /// `namespaces()` list afresh.
    public func apply(_ object: Object, as kind: ServedKind, options: ApplyOptions = ApplyOptions(),
                      live: Object? = nil) async throws(WriteError) -> ApplyResult {
        var configuration = object.value
        for key in ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"] {
            configuration["metadata"]?[key] = nil
        }
        configuration["status"] = nil
        var namespace: String? = nil
        if kind.namespaced {
            namespace = object.namespace.isEmpty ? connection.defaultNamespace ?? "default" : object.namespace
            configuration["metadata"]?["namespace"] = .string(namespace!)
        } else {
            configuration["metadata"]?["namespace"] = nil
        }
        let target = ServedKind(kind: kind.kind, version: object.version)
        let path = target.collectionPath(namespace: namespace) + "/" + object.name
        var query = [("fieldManager", options.fieldManager), ("fieldValidation", options.fieldValidation.rawValue)]
        if options.force { query.append(("force", "true")) }
        if options.dryRun { query.append(("dryRun", "All")) }
        let response = try await write(.PATCH, path, query: query, body: configuration, contentType: "application/apply-patch+yaml")
        let answer = try decode(response)
        if kind.group.isEmpty, kind.kind.kind == "Namespace", response.status == 201, !options.dryRun { await namespaceCache.forget() }
        let change = ApplyResult.change(status: response.status, answer: answer.value, live: live?.value, dryRun: options.dryRun)
        return ApplyResult(change: change, object: answer, warnings: response.warnings)
    }

    /// Deletes `namespace/name` of `kind` (in the background, as kubectl does), only if its uid
    /// and resourceVersion are still those given. A precondition that no longer holds is
    /// `preconditionFailed`; an object already gone is `notFound`.
    public func delete(_ kind: ServedKind, namespace: String?, name: String, options: DeleteOptions = DeleteOptions()) async throws(WriteError) {
        var body: Value = ["kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Background"]
        var preconditions: Value = [:]
        if let uid = options.uid { preconditions["uid"] = .string(uid) }
        if let resourceVersion = options.resourceVersion { preconditions["resourceVersion"] = .string(resourceVersion) }
        if preconditions.mappingValue?.isEmpty == false { body["preconditions"] = preconditions }
        if options.dryRun { body["dryRun"] = ["All"] }
        _ = try await write(.DELETE, kind.collectionPath(namespace: kind.namespaced ? namespace : nil) + "/" + name, body: body)
    }

    /// Creates the namespace `name`; false when it already existed. Namespaces listed earlier by
    /// this client are listed afresh next time.
    @discardableResult
    public func createNamespace(_ name: String, fieldManager: String = "meshdump", dryRun: Bool = false) async throws(WriteError) -> Bool {
        var query = [("fieldManager", fieldManager)]
        if dryRun { query.append(("dryRun", "All")) }
        let body: Value = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
        do throws(WriteError) {
            _ = try await write(.POST, "/api/v1/namespaces", query: query, body: body)
        } catch .preconditionFailed {
            return false
        }
        if !dryRun { await namespaceCache.forget() }
        return true
    }

    /// Sends a write with a JSON body; a failed answer is thrown sorted.
    private func write(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Value,
                       contentType: String = "application/json") async throws(WriteError) -> Response {
        var bytes: [UInt8] = []
        do { try JSONWriter.write(body, compact: true, to: &bytes) } catch {
            throw .rejected(Rejection(code: 0, reason: "", message: "\(path): \(error)"))
        }
        let response: Response
        do { response = try await transport.send(method, path, query: query, body: bytes, contentType: contentType) } catch {
            throw .failed(error)
        }
        guard response.isSuccess else { throw WriteError(response) }
        return response
    }

    private func decode(_ response: Response) throws(WriteError) -> Object {
        let path = String(response.path.prefix { $0 != "?" })
        do {
            guard var object = try ObjectDecoder(InputBytes(response.body, source: path)).next() else {
                throw KubeError.malformedResponse("\(path): empty answer")
            }
            object.origin = .cluster(context: connection.contextName, path: path)
            return object
        } catch let error as KubeError {
            throw .failed(error)
        } catch {
            throw .failed(.malformedResponse("\(path): \(error)"))
        }
    }
}
