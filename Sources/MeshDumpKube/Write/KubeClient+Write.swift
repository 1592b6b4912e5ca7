import MeshDumpCore
import NIOHTTP1

/// Writes: server-side apply of one object, delete with preconditions, namespace creation. Each
/// is one request, retried on 429, 5xx and dropped connections as reads are; failures come back
/// as a `WriteError` saying what the caller can do.
extension KubeClient {
    /// Server-side applies `object` (PATCH, `application/apply-patch+yaml`) at its own apiVersion,
    /// to the resource and scope `kind` names. The object is sent as its configuration
    /// (`Object.configuration(namespace:)`): uid, resourceVersion, generation, creationTimestamp,
    /// managedFields and status are left out. A namespaced object without a namespace goes to the
    /// context's namespace (else `default`), as with kubectl; a cluster-scoped object is sent
    /// without one. `live` — the object as last listed, or a dry run's answer — lets the result
    /// tell `configured` from `unchanged` (see `ApplyResult`).
    public func apply(_ object: Object, as kind: ServedKind, options: ApplyOptions = ApplyOptions(),
                      live: Object? = nil) async throws(WriteError) -> ApplyResult {
        let namespace = kind.namespaced ? (object.namespace.isEmpty ? connection.defaultNamespace ?? "default" : object.namespace) : nil
        let target = ServedKind(kind: kind.kind, version: object.version)
        var body: [UInt8] = []
        do { try JSONWriter.write(object.configuration(namespace: namespace), compact: true, to: &body) } catch {
            throw .rejected(Rejection(code: 0, reason: "", message: "\(target.objectPath(namespace: namespace, name: object.name)): \(error)"))
        }
        let answer = try await apply(configuration: body, as: target, namespace: namespace, name: object.name, options: options)
        let decoded = try answer.object()
        let change = ApplyResult.change(status: answer.status, answer: decoded.value, live: live?.value, dryRun: options.dryRun)
        return ApplyResult(change: change, object: decoded, warnings: answer.warnings)
    }

    /// Server-side applies `configuration`, an object's configuration already written as compact
    /// JSON (see `Object.configuration(namespace:)`), sent as it is to `namespace/name` of `kind`
    /// at `kind.version`. The answer is decoded only as far as the caller asks. Creating a
    /// Namespace makes `namespaces()` list afresh.
    public func apply(configuration: [UInt8], as kind: ServedKind, namespace: String?, name: String,
                      options: ApplyOptions = ApplyOptions()) async throws(WriteError) -> ApplyAnswer {
        var query = [("fieldManager", options.fieldManager), ("fieldValidation", options.fieldValidation.rawValue)]
        if options.force { query.append(("force", "true")) }
        if options.dryRun { query.append(("dryRun", "All")) }
        let response = try await send(.PATCH, kind.objectPath(namespace: namespace, name: name), query: query, body: configuration,
                                      contentType: "application/apply-patch+yaml")
        if kind.group.isEmpty, kind.kind.kind == "Namespace", response.status == 201, !options.dryRun { await namespaceCache.forget() }
        return ApplyAnswer(response, context: connection.contextName)
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
        _ = try await write(.DELETE, kind.objectPath(namespace: kind.namespaced ? namespace : nil, name: name), body: body)
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
    private func write(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Value) async throws(WriteError) -> Response {
        var bytes: [UInt8] = []
        do { try JSONWriter.write(body, compact: true, to: &bytes) } catch {
            throw .rejected(Rejection(code: 0, reason: "", message: "\(path): \(error)"))
        }
        return try await send(method, path, query: query, body: bytes, contentType: "application/json")
    }

    /// Sends a write with a body already encoded; a failed answer is thrown sorted.
    private func send(_ method: HTTPMethod, _ path: String, query: [(String, String)], body: [UInt8],
                      contentType: String) async throws(WriteError) -> Response {
        let response: Response
        do { response = try await transport.send(method, path, query: query, body: body, contentType: contentType) } catch {
            throw .failed(error)
        }
        guard response.isSuccess else { throw WriteError(response) }
        return response
    }
}
