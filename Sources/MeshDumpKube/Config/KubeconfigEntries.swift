/// A named cluster of a kubeconfig: where the API server is and how to trust it. Paths are
/// already resolved against the folder of the file that defined the entry.
public struct ClusterEntry: Sendable, Equatable {
    public var server: String
    public var certificateAuthority: String?
    public var certificateAuthorityData: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    public var tlsServerName: String?
    public var proxyURL: String?
    /// The file that defined the entry, for messages.
    public var file: String
}

/// A named user of a kubeconfig: how to authenticate. Paths are resolved like `ClusterEntry`'s.
public struct UserEntry: Sendable, Equatable {
    public var token: String?
    public var tokenFile: String?
    public var clientCertificate: String?
    public var clientCertificateData: [UInt8]?
    public var clientKey: String?
    public var clientKeyData: [UInt8]?
    public var username: String?
    public var password: String?
    public var exec: ExecConfig?
    /// The name of an `auth-provider` (gcp, azure, oidc), which meshdump does not support.
    public var authProvider: String?
    public var file: String

    public init(file: String) {
        self.file = file
    }
}

/// An exec credential plugin (`users[].user.exec`), as client-go runs it.
public struct ExecConfig: Sendable, Equatable {
    /// `client.authentication.k8s.io/v1` or `/v1beta1`.
    public var apiVersion: String
    /// The program: a name looked up on PATH, or a path (relative ones resolved against the
    /// kubeconfig's folder when they contain a `/`).
    public var command: String
    public var args: [String]
    public var env: [(name: String, value: String)]
    /// `Never`, `IfAvailable` or `Always`; meshdump never has a terminal to offer.
    public var interactiveMode: String?
    public var installHint: String?
    public var provideClusterInfo: Bool

    public static func == (a: ExecConfig, b: ExecConfig) -> Bool {
        a.apiVersion == b.apiVersion && a.command == b.command && a.args == b.args
            && a.env.map(\.name) == b.env.map(\.name) && a.env.map(\.value) == b.env.map(\.value)
            && a.interactiveMode == b.interactiveMode && a.installHint == b.installHint
            && a.provideClusterInfo == b.provideClusterInfo
    }
}

/// A named context: a cluster, a user and a default namespace.
public struct ContextEntry: Sendable, Equatable {
    public var cluster: String
    public var user: String
    public var namespace: String?
    public var file: String
}
