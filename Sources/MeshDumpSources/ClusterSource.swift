import MeshDump
import MeshDumpCore
import MeshDumpKube

/// A live cluster as an `ObjectSource` (`cluster:CONTEXT`, or a context of `export`).
///
/// Discovery decides which asked kinds the server serves and at which version; an unserved kind
/// is reported as skipped. Each served kind is listed with one cluster-wide paged list
/// (namespace by namespace where that is forbidden), several kinds at once, and every object is
/// handed on as its page arrives, with its origin on the server (the object's API path). The
/// request's filter goes to the server where Kubernetes allows it and is applied again to every
/// object, so a cluster and files select alike. Kinds the request wants as metadata only are
/// listed as `PartialObjectMetadataList`s.
public struct ClusterSource: ObjectSource {
    public let connection: ClusterConnection
    public let options: ClientOptions
    public let diagnostics: any DiagnosticSink
    /// The kubeconfig context (export's summary), or `cluster:CONTEXT` when named as a SOURCE.
    public let name: String

    public init(connection: ClusterConnection, options: ClientOptions = ClientOptions(), name: String? = nil,
                diagnostics: any DiagnosticSink) {
        self.connection = connection
        self.options = options
        self.name = name ?? connection.contextName
        self.diagnostics = diagnostics
    }

    public var isLive: Bool { true }

    public func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
        var options = self.options
        options.droppedFields = request.droppedFields
        let kinds = request.filter.kinds ?? KindSelection()
        return try await KubeClient.with(connection, options: options) { client in
            let resolution: KindResolution
            do {
                resolution = try await client.discover(kinds.kinds, names: kinds.names, aliases: kinds.aliases)
            } catch {
                return kinds.kinds.map { KindReport(kind: $0, outcome: .failed(message: "discovery failed: \(error)")) }
            }
            let discovery = resolution.discovery
            // Objects of the kinds the names resolved to pass the filter, whatever the name was.
            let filter = request.filter.with(kinds: kinds.adding(resolution.resolved.map(\.kind)))
            let listFilter = ListFilter(namespaces: (filter.namespaces ?? []).sorted(), excludedNamespaces: filter.excludedNamespaces,
                                        labelSelector: filter.labelSelector?.description)
            let metadataOnly = request.metadataOnly
            let results = try await client.list(discovery.served, filter: listFilter, concurrency: request.concurrency,
                                                metadataOnly: { metadataOnly.contains(GroupKind(group: $0.group, kind: $0.kind.kind)) },
                                                diagnostics: diagnostics, progress: request.progress) { _, object in
                if filter.includes(object) { try deliver(object) }
            }
            var reports: [String: KindReport] = [:]
            for result in results {
                let kind = result.kind.kind
                reports[kind.qualifiedResource] = result.error.map { KindReport(kind: kind, outcome: .failed(message: $0.description)) }
                    ?? KindReport(kind: kind, outcome: .listed(version: result.kind.version), note: Self.note(result))
            }
            for skipped in discovery.skipped {
                reports[skipped.kind.qualifiedResource] = KindReport(kind: skipped.kind, outcome: .skipped(reason: skipped.reason))
            }
            for (kind, error) in discovery.failed {
                reports[kind.qualifiedResource] = KindReport(kind: kind, outcome: .failed(message: "discovery failed: \(error)"))
            }
            // Asked kinds first, in the order asked; kinds found by aliases after them, then the
            // names this server does not know.
            let asked = (filter.kinds?.kinds ?? []).map(\.qualifiedResource)
            let unknown = resolution.unknown.map {
                KindReport(unresolved: UnresolvedKindName(name: $0.name, reason: "\(name) serves no kind of that name", suggestions: $0.suggestions))
            }
            return asked.compactMap { reports.removeValue(forKey: $0) } + reports.keys.sorted().map { reports[$0]! } + unknown
        }
    }

    /// How a kind was listed when that was not one cluster-wide list.
    private static func note(_ result: KindListResult) -> String? {
        guard result.listedPerNamespace else { return nil }
        if result.forbiddenNamespaces.isEmpty { return "listed namespace by namespace: the cluster-wide list is forbidden" }
        return "listed namespace by namespace; forbidden in \(result.forbiddenNamespaces.count): "
            + result.forbiddenNamespaces.prefix(5).joined(separator: ", ") + (result.forbiddenNamespaces.count > 5 ? ", …" : "")
    }
}
