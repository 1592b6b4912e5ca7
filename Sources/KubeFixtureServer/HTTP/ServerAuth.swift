/// Who may talk to the fixture server and what they may list.
public struct ServerAuth: Sendable {
    /// Bearer tokens and the user each stands for.
    public var tokens: [String: String]
    /// Basic credentials: user name → password.
    public var passwords: [String: String]
    /// Accept TLS client certificates signed by the server's client CA; the user is the
    /// certificate's common name.
    public var clientCertificates: Bool
    /// Let requests without credentials in, as `system:anonymous`.
    public var allowAnonymous: Bool
    /// Users who may list only in these namespaces (and list namespaces): a cluster-wide list
    /// or a list elsewhere is 403 Forbidden for them, as with a RoleBinding per namespace.
    public var namespaceScopedUsers: [String: Set<String>]

    public init(tokens: [String: String] = [:], passwords: [String: String] = [:], clientCertificates: Bool = false,
                allowAnonymous: Bool? = nil, namespaceScopedUsers: [String: Set<String>] = [:]) {
        self.tokens = tokens
        self.passwords = passwords
        self.clientCertificates = clientCertificates
        self.allowAnonymous = allowAnonymous ?? (tokens.isEmpty && passwords.isEmpty && !clientCertificates)
        self.namespaceScopedUsers = namespaceScopedUsers
    }

    /// The user a request authenticates as, nil when its credentials are wrong or missing
    /// (and anonymous access is off).
    func user(authorization: String?, certificateCommonName: String?) -> String? {
        if clientCertificates, let name = certificateCommonName { return name }
        if let authorization {
            if authorization.hasPrefix("Bearer ") { return tokens[String(authorization.dropFirst(7))] }
            if authorization.hasPrefix("Basic "), let decoded = Self.base64(String(authorization.dropFirst(6))),
               let colon = decoded.firstIndex(of: ":") {
                let name = String(decoded[..<colon]), password = String(decoded[decoded.index(after: colon)...])
                return passwords[name] == password ? name : nil
            }
            return nil
        }
        return allowAnonymous ? "system:anonymous" : nil
    }

    /// Whether `user` may list `type` in `namespace` (nil: cluster-wide).
    func mayList(user: String, type: ResourceType, namespace: String?) -> Bool {
        guard let allowed = namespaceScopedUsers[user] else { return true }
        if type == .namespace { return true }
        guard let namespace else { return false }
        return allowed.contains(namespace)
    }

    private static func base64(_ text: String) -> String? {
        Base64Text.decode(text).map { String(decoding: $0, as: UTF8.self) }
    }
}
