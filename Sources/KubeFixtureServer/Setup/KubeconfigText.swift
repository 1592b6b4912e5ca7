import MeshDumpCore

/// A kubeconfig for a fixture server, as `kubectl config view --raw` would print it.
public struct KubeconfigText: Sendable {
    public var server: String
    public var contextName = "fixture"
    public var userName = "fixture-user"
    public var certificateAuthorityPEM: [UInt8]?
    public var insecureSkipTLSVerify = false
    public var tlsServerName: String?
    public var token: String?
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    public var username: String?
    public var password: String?
    public var namespace: String?

    public init(server: String) {
        self.server = server
    }

    public var yaml: String {
        var cluster: Value = ["server": .string(server)]
        if let ca = certificateAuthorityPEM { cluster["certificate-authority-data"] = .string(Base64Text.encode(ca)) }
        if insecureSkipTLSVerify { cluster["insecure-skip-tls-verify"] = true }
        if let tlsServerName { cluster["tls-server-name"] = .string(tlsServerName) }
        var user: Value = [:]
        if let token { user["token"] = .string(token) }
        if let cert = clientCertificatePEM { user["client-certificate-data"] = .string(Base64Text.encode(cert)) }
        if let key = clientKeyPEM { user["client-key-data"] = .string(Base64Text.encode(key)) }
        if let username { user["username"] = .string(username) }
        if let password { user["password"] = .string(password) }
        var context: Value = ["cluster": .string(contextName), "user": .string(userName)]
        if let namespace { context["namespace"] = .string(namespace) }
        let config: Value = [
            "apiVersion": "v1", "kind": "Config", "current-context": .string(contextName), "preferences": [:],
            "clusters": [["name": .string(contextName), "cluster": cluster]],
            "users": [["name": .string(userName), "user": user]],
            "contexts": [["name": .string(contextName), "context": context]],
        ]
        return (try? YAMLWriter.string(config)) ?? ""
    }
}
