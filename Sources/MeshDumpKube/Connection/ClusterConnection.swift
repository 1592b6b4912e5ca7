/// Everything needed to talk to one API server: its address, how to trust it, how to
/// authenticate, and the proxy to go through. Built from a kubeconfig context or in-cluster.
public struct ClusterConnection: Sendable, Equatable {
    /// The kubeconfig context (`in-cluster` for the in-cluster configuration), for origins and messages.
    public var contextName: String
    public var server: ServerAddress
    /// The context's default namespace, if it has one.
    public var defaultNamespace: String?
    /// PEM CA certificates to trust instead of the system's.
    public var certificateAuthorityPEM: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    /// The name to send in SNI and check the server certificate against, instead of the host.
    public var tlsServerName: String?
    public var credentials: Credentials
    public var proxy: ProxySetting?

    public init(contextName: String, server: ServerAddress, defaultNamespace: String? = nil,
                certificateAuthorityPEM: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false,
                tlsServerName: String? = nil, credentials: Credentials = Credentials(), proxy: ProxySetting? = nil) {
        self.contextName = contextName
        self.server = server
        self.defaultNamespace = defaultNamespace
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.credentials = credentials
        self.proxy = proxy
    }

    /// The connection kubectl would use: `--kubeconfig`/`$KUBECONFIG`/`~/.kube/config` and
    /// `--context` (else the current context); the in-cluster configuration when no kubeconfig
    /// is configured and meshdump runs in a pod.
    public static func load(kubeconfig: String? = nil, context: String? = nil,
                            environment: Environment = .process) throws(KubeConfigError) -> ClusterConnection {
        let merged = try KubeconfigLoader(explicitPath: kubeconfig, environment: environment).load()
        if merged.isEmpty, kubeconfig == nil, context == nil, InClusterConfig.isAvailable(in: environment) {
            return try InClusterConfig.connection(environment: environment)
        }
        if merged.isEmpty, merged.files.isEmpty {
            let (paths, _) = KubeconfigLoader(explicitPath: kubeconfig, environment: environment).candidatePaths()
            throw KubeConfigError("no kubeconfig: \(paths.isEmpty ? "HOME is not set" : paths.joined(separator: ", ") + " not found"), and not running in a cluster (KUBERNETES_SERVICE_HOST is not set); pass --kubeconfig")
        }
        return try merged.connection(context: context, environment: environment)
    }

    /// Refuses what must never happen: secrets over plain http, a CA together with
    /// insecure-skip-tls-verify.
    func validate() throws(KubeConfigError) {
        if !server.isTLS, !credentials.isEmpty {
            throw KubeConfigError("context \"\(contextName)\": refusing to send \(credentials.methodNames.joined(separator: " and ")) to \(server) over plain http; use an https server")
        }
        if insecureSkipTLSVerify, certificateAuthorityPEM != nil {
            throw KubeConfigError("context \"\(contextName)\": specifying a root certificates file with the insecure flag is not allowed")
        }
    }
}
