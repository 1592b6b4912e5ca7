import MeshDump
import MeshDumpCore

/// Export from a live cluster (`meshdump export`, one per context).
///
/// Discovery decides which asked kinds the server serves and at which version; an unserved kind
/// is reported as skipped. Each served kind is listed with one cluster-wide paged list (namespace
/// by namespace where that is forbidden), several kinds at once, and every object is handed on
/// as its page arrives.
public struct ClusterExportSource: ExportSource {
    public let connection: ClusterConnection
    public let options: ClientOptions
    public let diagnostics: any DiagnosticSink

    public init(connection: ClusterConnection, options: ClientOptions = ClientOptions(), diagnostics: any DiagnosticSink) {
        self.connection = connection
        self.options = options
        self.diagnostics = diagnostics
    }

    public var name: String { connection.contextName }

    public func export(_ request: ExportRequest,
                       deliver: @escaping @Sendable (Object, String) throws -> Void) async throws -> [KindReport] {
        var options = self.options
        options.droppedFields = request.droppedFields
        return try await KubeClient.with(connection, options: options) { client in
            let discovery: Discovery
            do {
                discovery = try await client.discover(request.kinds.kinds, allIstio: request.kinds.allIstio)
            } catch {
                return request.kinds.kinds.map {
                    KindReport(qualifiedResource: $0.qualifiedResource, outcome: .failed(message: "discovery failed: \(error)"))
                }
            }
            let filter = ListFilter(namespaces: (request.filter.namespaces ?? []).sorted(),
                                    excludedNamespaces: request.filter.excludedNamespaces,
                                    labelSelector: request.filter.labelSelector?.description)
            let results = try await client.list(discovery.served, filter: filter, concurrency: request.concurrency,
                                                diagnostics: diagnostics) { kind, object in
                try deliver(object, kind.resource)
            }
            var reports: [String: KindReport] = [:]
            for result in results {
                let name = result.kind.kind.qualifiedResource
                if let error = result.error {
                    reports[name] = KindReport(qualifiedResource: name, outcome: .failed(message: error.description))
                } else {
                    reports[name] = KindReport(qualifiedResource: name, outcome: .exported(version: result.kind.version),
                                               note: Self.note(result))
                }
            }
            for skipped in discovery.skipped {
                reports[skipped.kind.qualifiedResource] = KindReport(qualifiedResource: skipped.kind.qualifiedResource,
                                                                     outcome: .skipped(reason: skipped.reason))
            }
            for (kind, error) in discovery.failed {
                reports[kind.qualifiedResource] = KindReport(qualifiedResource: kind.qualifiedResource,
                                                             outcome: .failed(message: "discovery failed: \(error)"))
            }
            // Asked kinds first, in the order asked; kinds found by all-istio after them.
            let asked = request.kinds.kinds.map(\.qualifiedResource)
            return asked.compactMap { reports.removeValue(forKey: $0) } + reports.keys.sorted().map { reports[$0]! }
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
