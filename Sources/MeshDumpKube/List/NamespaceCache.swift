/// The cluster's namespace names, listed once per client (paged) when some kind needs them.
actor NamespaceCache {
    private let transport: Transport
    private var cached: Task<[String], any Error>?

    init(transport: Transport) {
        self.transport = transport
    }

    func names() async throws(KubeError) -> [String] {
        let task: Task<[String], any Error>
        if let cached {
            task = cached
        } else {
            task = Task { [transport] in try await Self.list(transport) }
            cached = task
        }
        do {
            return try await task.value
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.transport("listing namespaces: \(error)")
        }
    }

    /// Drops the names listed, after a namespace was created.
    func forget() {
        cached = nil
    }

    private static func list(_ transport: Transport) async throws -> [String] {
        let kind = ServedKind(kind: .init(group: "", kind: "Namespace", resource: "namespaces", versions: ["v1"], namespaced: false, isDefault: false), version: "v1")
        var pager = Pager(kind: kind, namespace: nil, pageSize: transport.options.pageSize, diagnostics: SilentSink())
        let reader = PageReader(kind: kind, context: transport.connection.contextName)
        var names: [String] = []
        while let query = pager.nextQuery() {
            let response = try await transport.get(kind.collectionPath(namespace: nil), query: query)
            if response.status == 410 {
                try pager.expired(response)
                continue
            }
            guard response.isSuccess else { throw response.error }
            let end = try await reader.read(response, accept: { pager.accepts($0) }) { object in
                pager.delivered(object)
                names.append(object.name)
            }
            pager.pageDone(continueToken: end.continueToken)
        }
        return names.sorted()
    }
}
