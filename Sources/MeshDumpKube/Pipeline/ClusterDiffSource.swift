import MeshDump
import MeshDumpCore
import Synchronization

/// A live cluster as one side of `meshdump diff`, listed exactly as export lists it (it is an
/// export source underneath): discovery picks each kind's version, one paged list per kind,
/// several kinds at once. `Diff` wraps it in `NeatedDiffSource`.
///
/// A kind the server does not serve is a warning (its objects are simply absent from this
/// side); a kind that fails to list is an error, as a diff of half a cluster would be a lie.
public struct ClusterDiffSource: DiffSource {
    public let listing: ClusterListing
    public let connection: ClusterConnection
    public let diagnostics: any DiagnosticSink

    /// Resolves the context as kubectl does (`--kubeconfig`, `$KUBECONFIG`, `~/.kube/config`;
    /// the in-cluster service account when there is no kubeconfig and no context was named).
    public init(_ listing: ClusterListing, diagnostics: any DiagnosticSink) throws {
        self.listing = listing
        self.diagnostics = diagnostics
        connection = try ClusterConnection.load(kubeconfig: listing.kubeconfig, context: listing.context)
    }

    public var name: String { DiffOperand.clusterPrefix + connection.contextName }

    public func forEachObject(_ body: (Object) throws -> Void) async throws {
        let listed = Mutex<[Object]>([])
        // Neat runs on this side (NeatedDiffSource), so what it drops need not be decoded.
        let request = ExportRequest(kinds: listing.kinds, filter: ObjectFilter(namespaces: listing.namespaces.map(Set.init)),
                                    droppedFields: Neat.droppedFields)
        let reports = try await ClusterExportSource(connection: connection, diagnostics: diagnostics)
            .export(request) { object, _ in listed.withLock { $0.append(object) } }
        for report in reports {
            switch report.outcome {
            case .failed(let message): throw ClusterSideError(message: "\(name): cannot list \(report.qualifiedResource): \(message)")
            case .skipped(let reason): diagnostics.report(Diagnostic(.warning, "\(name): \(report.qualifiedResource): \(reason)"))
            case .exported: continue
            }
        }
        for object in listed.withLock({ $0 }) { try body(object) }
    }
}

/// A cluster side that could not be read whole.
public struct ClusterSideError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
