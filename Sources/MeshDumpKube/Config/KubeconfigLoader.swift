/// Finds and merges kubeconfig files as kubectl does.
///
/// `--kubeconfig PATH` alone if given (it must exist); else every file in `$KUBECONFIG`
/// (colon-separated; empty entries, duplicates and missing files are skipped); else
/// `~/.kube/config` if it exists. Merging follows client-go: the first file to define a cluster,
/// user or context name wins that name whole (entries are never merged field by field), and the
/// first file that sets `current-context` wins it.
public struct KubeconfigLoader: Sendable {
    public var explicitPath: String?
    public var environment: Environment

    public init(explicitPath: String? = nil, environment: Environment = .process) {
        self.explicitPath = explicitPath
        self.environment = environment
    }

    /// The files to read, in priority order, and whether they must exist.
    public func candidatePaths() -> (paths: [String], mustExist: Bool) {
        if let explicitPath, !explicitPath.isEmpty { return ([explicitPath], true) }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var seen = Set<String>()
            let paths = list.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
            return (paths, false)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return ([], false) }
        return ([home + "/.kube/config"], false)
    }

    /// Reads and merges the kubeconfig files. A file that exists but cannot be parsed is an
    /// error naming it, even when other files are fine.
    public func load() throws(KubeConfigError) -> MergedKubeconfig {
        let (paths, mustExist) = candidatePaths()
        var merged = MergedKubeconfig()
        for path in paths {
            if !mustExist && !FileCheck.exists(path) { continue }
            merged.merge(try KubeconfigFile.read(path: path))
        }
        return merged
    }
}
