/// The kubeconfig files of a run merged into one view (see `KubeconfigLoader` for the rules).
public struct MergedKubeconfig: Sendable {
    /// The files that were read, in priority order.
    public private(set) var files: [String] = []
    public private(set) var currentContext: String?
    public private(set) var clusters: [String: ClusterEntry] = [:]
    public private(set) var users: [String: UserEntry] = [:]
    public private(set) var contexts: [String: ContextEntry] = [:]

    public init() {}

    /// Adds a file of lower priority than those already merged.
    public mutating func merge(_ file: KubeconfigFile) {
        files.append(file.path)
        if currentContext == nil { currentContext = file.currentContext }
        for (name, entry) in file.clusters where clusters[name] == nil { clusters[name] = entry }
        for (name, entry) in file.users where users[name] == nil { users[name] = entry }
        for (name, entry) in file.contexts where contexts[name] == nil { contexts[name] = entry }
    }

    /// Nothing was configured: no file, or only empty ones.
    public var isEmpty: Bool {
        currentContext == nil && clusters.isEmpty && users.isEmpty && contexts.isEmpty
    }

    /// Every context name, sorted (as `kubectl config get-contexts` lists them).
    public var contextNames: [String] { contexts.keys.sorted() }

    /// Where these settings came from, for messages.
    var filesDescription: String {
        files.isEmpty ? "no kubeconfig file" : files.joined(separator: ", ")
    }

    /// The context to use: `name` if given, else the current context.
    public func context(named name: String?) throws(KubeConfigError) -> (name: String, entry: ContextEntry) {
        if let name, !name.isEmpty {
            guard let entry = contexts[name] else {
                throw KubeConfigError("context \"\(name)\" does not exist in \(filesDescription)")
            }
            return (name, entry)
        }
        guard let current = currentContext else {
            throw KubeConfigError("no current context in \(filesDescription): set current-context or pass --context")
        }
        guard let entry = contexts[current] else {
            throw KubeConfigError("current-context \"\(current)\" does not exist in \(filesDescription)")
        }
        return (current, entry)
    }
}
