/// What an export pulls in beside the kinds asked for: `--with-namespaces` (the Namespace of
/// every exported object) and `--with-secrets` (every Secret an exported Gateway or
/// DestinationRule names, see `SecretReference`).
public struct DependencyOptions: Sendable, Equatable {
    public var namespaces: Bool
    public var secrets: Bool

    public init(namespaces: Bool = false, secrets: Bool = false) {
        self.namespaces = namespaces
        self.secrets = secrets
    }

    /// Nothing is pulled in.
    public var isEmpty: Bool { !namespaces && !secrets }
}
