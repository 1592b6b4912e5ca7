import MeshDumpCore

/// Lists one served kind as the issue asks: one cluster-wide paged list (or one per namespace
/// given with `-n`), falling back to per-namespace lists when the cluster-wide one is forbidden;
/// pages go to the callback as they arrive, and the count so far (of the total the server
/// announces, when it does) to `progress` after each page. With `metadataOnly`, pages are asked
/// for as `PartialObjectMetadataList`s (a server that cannot answer so sends whole objects, cut down).
struct KindLister {
    let transport: Transport
    let namespaces: NamespaceCache
    let kind: ServedKind
    let filter: ListFilter
    var metadataOnly = false
    let diagnostics: any DiagnosticSink
    var progress: ListingProgressHandler? = nil

    /// The `Accept` header of a metadata-only list: the metadata list, else plain JSON.
    static let metadataAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"

    func run(_ body: (Object) async throws -> Void) async throws -> KindListResult {
        var result = KindListResult(kind: kind)
        progress?(ListingProgress(kind: kind.kind, state: .listing))
        defer { progress?(ListingProgress(kind: kind.kind, state: .done, received: result.received)) }
        var seenNamespaces = Set<String>()
        let deliver: (Object) async throws -> Void = { object in
            seenNamespaces.insert(object.namespace)
            try await body(object)
        }
        do {
            if !kind.namespaced {
                try await collection(nil, query: filter.namespacedQuery, into: &result, deliver)
            } else if !filter.namespaces.isEmpty {
                for namespace in filter.explicitNamespaces {
                    try await collection(namespace, query: filter.namespacedQuery, into: &result, deliver)
                }
            } else {
                do {
                    try await collection(nil, query: filter.clusterWideQuery, into: &result, deliver)
                } catch let error as KubeError where error.statusCode == 403 && result.pages == 0 {
                    try await perNamespace(after: error, into: &result, deliver)
                }
            }
        } catch let error as KubeError {
            result.error = error
        } catch let failure as CallbackFailure {
            throw failure.underlying
        }
        result.namespaces = seenNamespaces.filter { !$0.isEmpty }.sorted()
        return result
    }

    /// The cluster-wide list was forbidden: list each namespace the user may list.
    private func perNamespace(after forbidden: KubeError, into result: inout KindListResult, _ deliver: (Object) async throws -> Void) async throws {
        let all: [String]
        do {
            all = try await namespaces.names()
        } catch {
            throw KubeError.status(code: 403, reason: "Forbidden",
                                   message: "\(forbidden.message); listing namespaces to go on namespace by namespace failed too: \(error.message)",
                                   path: kind.collectionPath(namespace: nil))
        }
        result.listedPerNamespace = true
        let wanted = all.filter { !filter.excludes(namespace: $0) }
        for namespace in wanted {
            do {
                try await collection(namespace, query: filter.namespacedQuery, into: &result, deliver)
            } catch let error as KubeError where error.statusCode == 403 {
                result.forbiddenNamespaces.append(namespace)
            }
        }
        if !wanted.isEmpty, result.forbiddenNamespaces.count == wanted.count { throw forbidden }
        let skipped = result.forbiddenNamespaces.isEmpty ? "" : "; forbidden in \(result.forbiddenNamespaces.count) (\(result.forbiddenNamespaces.prefix(5).joined(separator: ", "))\(result.forbiddenNamespaces.count > 5 ? ", …" : ""))"
        diagnostics.report(Diagnostic(.warning, "\(kind): cannot list cluster-wide (\(forbidden.message)); listed \(wanted.count - result.forbiddenNamespaces.count) namespaces one by one\(skipped)"))
    }

    /// One collection, page by page. The next page is requested as soon as a page's continue
    /// token is known (before its objects are decoded), so the server works while we decode.
    private func collection(_ namespace: String?, query: [(String, String)], into result: inout KindListResult,
                            _ deliver: (Object) async throws -> Void) async throws {
        var pager = Pager(kind: kind, namespace: namespace, pageSize: transport.options.pageSize, diagnostics: diagnostics)
        let reader = PageReader(kind: kind, context: transport.connection.contextName, droppedFields: transport.options.droppedFields,
                                namespace: namespace, metadataOnly: metadataOnly)
        let mediaTypes = metadataOnly ? Self.metadataAccept : nil
        let path = kind.collectionPath(namespace: namespace)
        var prefetched: Prefetch?
        defer { prefetched?.task.cancel() }
        var announced: Int?
        while let pageQuery = pager.nextQuery() {
            let response: Response
            if let prefetch = prefetched, prefetch.query == pageQuery.map({ "\($0.0)=\($0.1)" }) {
                response = try await prefetch.task.value.get()
            } else {
                prefetched?.task.cancel()
                response = try await transport.get(path, query: query + pageQuery, accept: mediaTypes)
            }
            prefetched = nil
            if response.status == 410 {
                try pager.expired(response)
                continue
            }
            guard response.isSuccess else { throw response.error }
            result.pages += 1
            let accept: (Object) -> Bool = { pager.accepts($0) && !(kind.namespaced && filter.excludes(namespace: $0.namespace)) }
            let end = try await reader.read(response, accept: accept, listStarted: { token in
                guard let token, let next = pager.query(continuing: token) else { return }
                let transport = transport
                prefetched = Prefetch(query: next.map { "\($0.0)=\($0.1)" },
                                      task: Task.detached {
                                          do throws(KubeError) { return .success(try await transport.get(path, query: query + next, accept: mediaTypes)) } catch { return .failure(error) }
                                      })
            }) { object in
                pager.delivered(object)
                result.objects += 1
                try await deliver(object)
            }
            try pager.pageDone(end, path: response.path)
            result.received += end.received
            if let progress {
                // A total holds for one collection (a kind listed namespace by namespace has
                // none); the last page, which counts nothing, ends it.
                let single = !result.listedPerNamespace && filter.explicitNamespaces.count <= 1
                if let remaining = end.remainingItemCount { announced = result.received + remaining }
                if end.continueToken == nil { announced = result.received }
                progress(ListingProgress(kind: kind.kind, state: .listing, received: result.received, announced: single ? announced : nil))
            }
        }
    }

    /// A page requested ahead.
    private struct Prefetch {
        var query: [String]
        var task: Task<Result<Response, KubeError>, Never>
    }
}
