/// A kubeconfig or in-cluster configuration that cannot be used: a missing or malformed file, an
/// unknown context, an unsupported auth provider. The message names the file (and line and
/// column when the problem is inside it), the context or the field.
public struct KubeConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
