import MeshDumpCore

/// A SOURCE as named on the command line, the one syntax every command takes: a directory
/// (every object file below it, any layout), a file, `-` for standard input, or `cluster:` /
/// `cluster:CONTEXT` for a live cluster (the current context, or the one named). A local path
/// that starts with `cluster:` can be written `./cluster:…`.
public enum SourceSpec: Sendable, Hashable, CustomStringConvertible {
    /// A directory, a file, or `-`.
    case path(String)
    /// A live cluster: the kubeconfig context, or nil for `--context` or the current one.
    case cluster(context: String?)

    public static let clusterPrefix = "cluster:"

    public init(parsing argument: String) throws(UsageError) {
        guard !argument.isEmpty else { throw UsageError("an empty argument names no tree, file or cluster") }
        if argument.hasPrefix(Self.clusterPrefix) {
            let context = String(argument.dropFirst(Self.clusterPrefix.count))
            guard !context.contains(where: \.isWhitespace) else {
                throw UsageError("\"\(argument)\": a kubeconfig context name has no spaces (write ./\(argument) for a local path)")
            }
            self = .cluster(context: context.isEmpty ? nil : context)
        } else {
            self = .path(argument)
        }
    }

    /// As the user wrote it.
    public var description: String {
        switch self {
        case .path(let path): path
        case .cluster(let context): Self.clusterPrefix + (context ?? "")
        }
    }

    public var isStandardInput: Bool { self == .path("-") }

    public var isCluster: Bool {
        if case .cluster = self { return true }
        return false
    }
}

/// A mistake in how a command was asked for: exit 2, before anything is read.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
