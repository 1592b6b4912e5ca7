import MeshDump
import MeshDumpCore
import MeshDumpKube

extension ClusterSource {
    /// The clusters an export reads: the current context, the `--context`s given, or every
    /// context of the kubeconfig. With more than one, each goes to a folder named after its
    /// context (`/` becomes `_`, as in `arn:aws:eks:…:cluster/prod`).
    public static func targets(kubeconfig: String?, contexts: [String], allContexts: Bool,
                               options: ClientOptions = ClientOptions(),
                               diagnostics: any DiagnosticSink) throws -> [ExportRun.Target] {
        var names = contexts
        if allContexts {
            names = try KubeconfigLoader(explicitPath: kubeconfig).load().contextNames
            guard !names.isEmpty else { throw KubeConfigError("--all-contexts: the kubeconfig has no contexts") }
        }
        if names.isEmpty {
            let connection = try ClusterConnection.load(kubeconfig: kubeconfig, context: nil)
            return [ExportRun.Target(source: ClusterSource(connection: connection, options: options, diagnostics: diagnostics))]
        }
        var folders: [String: String] = [:]
        var targets: [ExportRun.Target] = []
        for name in names where !targets.contains(where: { $0.source.name == name }) {
            let folder = folderName(name)
            if let other = folders[folder] {
                throw KubeConfigError("contexts \"\(other)\" and \"\(name)\" would both be written to \(folder)/")
            }
            folders[folder] = name
            let connection = try ClusterConnection.load(kubeconfig: kubeconfig, context: name)
            targets.append(ExportRun.Target(source: ClusterSource(connection: connection, options: options, diagnostics: diagnostics),
                                            folder: names.count > 1 || allContexts ? folder : nil))
        }
        return targets
    }

    /// A context name as a folder name: `/` becomes `_`, then as `TreeNames` makes any name a
    /// file name (a leading `.` is escaped, so `.`, `..` and `.meshdump` are folders like others).
    static func folderName(_ context: String) -> String {
        TreeNames.component(String(context.map { $0 == "/" || $0 == "\0" ? "_" : $0 }))
    }
}
