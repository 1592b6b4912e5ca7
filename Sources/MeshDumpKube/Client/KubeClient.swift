import MeshDumpCore

/// A client for one API server: discovery, paged lists streamed object by object, single GETs.
///
/// Failures of one kind come back in its `KindListResult` with the server's message; only the
/// caller's own callback errors and cancellation are thrown from lists. Call `shutdown()` when
/// done, or use `KubeClient.with(_:options:_:)`.
public final class KubeClient: Sendable {
    public let connection: ClusterConnection
    let transport: Transport
    let namespaceCache: NamespaceCache

    public init(connection: ClusterConnection, options: ClientOptions = ClientOptions()) {
        self.connection = connection
        transport = Transport(connection: connection, options: options)
        namespaceCache = NamespaceCache(transport: transport)
    }

    /// Runs `body` with a client and shuts the client down afterwards, however `body` ends.
    public static func with<T: Sendable>(_ connection: ClusterConnection, options: ClientOptions = ClientOptions(),
                                         _ body: (KubeClient) async throws -> T) async throws -> T {
        let client = KubeClient(connection: connection, options: options)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Closes connections; the client cannot be used afterwards.
    public func shutdown() async {
        await transport.shutdown()
    }

    /// The server's `gitVersion` (`v1.32.4`), from `/version`.
    public func serverVersion() async throws(KubeError) -> String {
        let value = try DiscoveryDocuments.value(try await transport.getOK("/version"))
        guard let version = value["gitVersion"]?.stringValue else {
            throw KubeError.malformedResponse("GET /version: no gitVersion")
        }
        return version
    }

    /// Which of `kinds` the server serves and at which version; with `allIstio`, also every
    /// other listable kind under `*.istio.io`. Throws when the group list itself cannot be had.
    public func discover(_ kinds: [Kind], allIstio: Bool = false) async throws(KubeError) -> Discovery {
        try await DiscoveryRun(transport: transport).run(kinds, allIstio: allIstio)
    }

    /// Which of `kinds` the server serves, what each of `names` names (as `kubectl get NAME`
    /// resolves it: resource, singular, kind, short name, `resource.group`) and every listable
    /// kind of the aliases' groups; names nothing answers to come back with close matches.
    public func discover(_ kinds: [Kind], names: [String], aliases: [KindGroupAlias]) async throws(KubeError) -> KindResolution {
        try await DiscoveryRun(transport: transport).run(kinds, names: names, aliases: aliases)
    }

    /// Lists one kind, calling `body` with each object as its page arrives (objects of a page
    /// are decoded one at a time from its bytes). Warnings (a list that may be inconsistent
    /// after 410 Expired, a per-namespace fallback) go to `diagnostics`. With `metadataOnly`,
    /// objects hold `apiVersion`, `kind` and `metadata` only (a `PartialObjectMetadataList`).
    public func list(_ kind: ServedKind, filter: ListFilter = ListFilter(), metadataOnly: Bool = false, diagnostics: any DiagnosticSink,
                     progress: ListingProgressHandler? = nil, _ body: (Object) async throws -> Void) async throws -> KindListResult {
        try await KindLister(transport: transport, namespaces: namespaceCache, kind: kind, filter: filter, metadataOnly: metadataOnly,
                             diagnostics: diagnostics, progress: progress)
            .run(body)
    }

    /// Lists several kinds, at most `concurrency` at a time; results come in the order of
    /// `kinds`. `body` is called concurrently for objects of different kinds. An error thrown
    /// by `body` cancels the other kinds and is rethrown. Kinds `metadataOnly` picks are listed
    /// as metadata only.
    public func list(_ kinds: [ServedKind], filter: ListFilter = ListFilter(), concurrency: Int = 4,
                     metadataOnly: @escaping @Sendable (ServedKind) -> Bool = { _ in false }, diagnostics: any DiagnosticSink,
                     progress: ListingProgressHandler? = nil,
                     _ body: @escaping @Sendable (ServedKind, Object) async throws -> Void) async throws -> [KindListResult] {
        for kind in kinds { progress?(ListingProgress(kind: kind.kind, state: .waiting)) }
        return try await Concurrently.map(kinds, limit: concurrency) { kind in
            try await self.list(kind, filter: filter, metadataOnly: metadataOnly(kind), diagnostics: diagnostics, progress: progress) {
                try await body(kind, $0)
            }
        }
    }

    /// One object, or nil when it does not exist (404).
    public func get(_ kind: ServedKind, namespace: String?, name: String) async throws(KubeError) -> Object? {
        let path = kind.objectPath(namespace: namespace, name: name)
        let response = try await transport.get(path)
        if response.status == 404 { return nil }
        guard response.isSuccess else { throw response.error }
        do {
            guard var object = try ObjectDecoder(InputBytes(response.body, source: path)).next() else {
                throw KubeError.malformedResponse("GET \(path): empty answer")
            }
            object.origin = .cluster(context: connection.contextName, path: path)
            return object
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.malformedResponse("GET \(path): \(error)")
        }
    }

    /// Every namespace's name, sorted (listed once and remembered).
    public func namespaces() async throws(KubeError) -> [String] {
        try await namespaceCache.names()
    }
}
