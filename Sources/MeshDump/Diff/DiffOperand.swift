import MeshDumpCore

/// One side of a diff as named on the command line: a directory (any layout), a file, `-` for
/// standard input, or `cluster:` / `cluster:CONTEXT` for a live cluster (the current context,
/// or the one named). A local path that starts with `cluster:` can be written `./cluster:…`.
public enum DiffOperand: Sendable, Equatable, CustomStringConvertible {
    /// A directory, a file, or `-`.
    case path(String)
    /// A live cluster: the kubeconfig context, or nil for `--context` or the current one.
    case cluster(context: String?)

    public static let clusterPrefix = "cluster:"

    public init(parsing argument: String) throws(DiffUsageError) {
        guard !argument.isEmpty else { throw DiffUsageError("an empty argument names no tree, file or cluster") }
        if argument.hasPrefix(Self.clusterPrefix) {
            let context = String(argument.dropFirst(Self.clusterPrefix.count))
            guard !context.contains(where: \.isWhitespace) else {
                throw DiffUsageError("\"\(argument)\": a kubeconfig context name has no spaces (write ./\(argument) for a local path)")
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

/// A mistake in how diff was asked for (exit 2).
public struct DiffUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
