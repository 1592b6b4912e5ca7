import MeshDump
import MeshDumpCore
import MeshDumpKube

/// Makes every SOURCE a command line can name: files, folders and standard input as
/// `FileSource`s, `cluster:` and `cluster:CONTEXT` as `ClusterSource`s, with the context
/// resolved as kubectl resolves it (`cluster:CONTEXT`, else `--context`, else the current one;
/// `--kubeconfig`, `$KUBECONFIG`, `~/.kube/config`, then the in-cluster service account).
public struct ClusterSourceResolver: SourceResolver {
    /// `--kubeconfig`
    public var kubeconfig: String?
    /// `--context`: the context of a bare `cluster:`.
    public var context: String?
    public var options: ClientOptions
    /// Where list warnings go (a list that may be inconsistent after 410, a fallback).
    public var diagnostics: any DiagnosticSink

    public init(kubeconfig: String? = nil, context: String? = nil, options: ClientOptions = ClientOptions(),
                diagnostics: any DiagnosticSink) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.options = options
        self.diagnostics = diagnostics
    }

    public func source(for spec: SourceSpec) throws -> any ObjectSource {
        switch spec {
        case .path:
            return try FileSourceResolver().source(for: spec)
        case .cluster(let named):
            let connection = try ClusterConnection.load(kubeconfig: kubeconfig, context: named ?? context)
            return ClusterSource(connection: connection, options: options, name: SourceSpec.clusterPrefix + connection.contextName,
                                 diagnostics: diagnostics)
        }
    }
}
