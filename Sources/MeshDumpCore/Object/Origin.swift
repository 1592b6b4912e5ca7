/// Where an object came from, kept beside the object (never inside its value) for messages.
public enum Origin: Sendable, Hashable, CustomStringConvertible {
    /// A file: its path, the 0-based document in it, and where the object starts.
    case file(path: String, document: Int, mark: Mark)
    /// Standard input.
    case stdin(document: Int, mark: Mark)
    /// An API server: the kubeconfig context and the request path that returned it.
    case cluster(context: String, path: String)
    /// Made by meshdump itself (tests, generated objects).
    case generated

    /// Builds the origin of a position in a named source (`-` or `<stdin>` mean standard input).
    public init(source: String, document: Int, mark: Mark) {
        if source == "-" || source == "<stdin>" {
            self = .stdin(document: document, mark: mark)
        } else {
            self = .file(path: source, document: document, mark: mark)
        }
    }

    /// `path:line:column`, `<stdin>:line:column`, or `cluster CONTEXT (path)`.
    public var description: String {
        switch self {
        case .file(let path, _, let mark): "\(path):\(mark.line):\(mark.column)"
        case .stdin(_, let mark): "<stdin>:\(mark.line):\(mark.column)"
        case .cluster(let context, let path): context.isEmpty ? path : "\(context): \(path)"
        case .generated: "<generated>"
        }
    }

    /// The file path, when the object came from a file.
    public var path: String? {
        if case .file(let path, _, _) = self { return path }
        return nil
    }
}
