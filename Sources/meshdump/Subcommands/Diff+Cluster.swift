import MeshDump
import MeshDumpCore
import MeshDumpKube

/// A live cluster as one side of `meshdump diff`, listed the way export lists it: discovery
/// picks each kind's version, one paged list per kind (cluster-wide, or per namespace with `-n`,
/// falling back to per-namespace lists when forbidden). `Diff` wraps it in `NeatedDiffSource`.
struct ClusterDiffSource: DiffSource {
    let listing: ClusterListing
    let connection: ClusterConnection

    /// Resolves the context as kubectl does (`--kubeconfig`, `$KUBECONFIG`, `~/.kube/config`;
    /// the in-cluster service account when there is no kubeconfig and no context was named).
    init(_ listing: ClusterListing) throws {
        self.listing = listing
        connection = try ClusterConnection.load(kubeconfig: listing.kubeconfig, context: listing.context)
    }

    var name: String { DiffOperand.clusterPrefix + connection.contextName }

    /// Every object of the asked kinds. A kind the server does not serve is a warning (its
    /// objects are simply absent from this side); a kind that fails to list is an error, as a
    /// diff of half a cluster would be a lie.
    func forEachObject(_ body: (Object) throws -> Void) async throws {
        let name = self.name
        let listing = self.listing
        try await KubeClient.with(connection) { client in
            let discovery: Discovery
            do {
                discovery = try await client.discover(listing.kinds)
            } catch {
                throw ClusterSideError(message: "\(name): discovery failed: \(error)")
            }
            if let failed = discovery.failed.first {
                throw ClusterSideError(message: "\(name): cannot tell whether \(failed.kind) is served: \(failed.error)")
            }
            for skipped in discovery.skipped {
                StandardErrorDiagnostics().report(Diagnostic(.warning, "\(name): \(skipped)"))
            }
            for kind in discovery.served {
                let result = try await client.list(kind, filter: ListFilter(namespaces: listing.namespaces ?? []),
                                                   diagnostics: StandardErrorDiagnostics()) { try body($0) }
                if let error = result.error {
                    throw ClusterSideError(message: "\(name): cannot list \(kind): \(error)")
                }
            }
        }
    }
}

/// A cluster side that could not be read whole.
struct ClusterSideError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Prints diagnostics as `meshdump: warning: …` on standard error.
struct StandardErrorDiagnostics: DiagnosticSink {
    func report(_ diagnostic: Diagnostic) {
        Terminal.standardError.write("meshdump: \(diagnostic)\n")
    }
}
