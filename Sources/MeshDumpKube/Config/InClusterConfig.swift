
/// The configuration of a process running in a pod: the API server from
/// `KUBERNETES_SERVICE_HOST`/`_PORT`, the service account's token and CA from its mounted folder.
public enum InClusterConfig {
    /// The context name in-cluster connections carry.
    public static let contextName = "in-cluster"

    public static func isAvailable(in environment: Environment) -> Bool {
        environment["KUBERNETES_SERVICE_HOST"].map { !$0.isEmpty } == true
            && environment["KUBERNETES_SERVICE_PORT"].map { !$0.isEmpty } == true
    }

    public static func connection(environment: Environment) throws(KubeConfigError) -> ClusterConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], let portText = environment["KUBERNETES_SERVICE_PORT"],
              !host.isEmpty, let port = Int(portText) else {
            throw KubeConfigError("in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")
        }
        let folder = environment.serviceAccountFolder
        let tokenFile = folder + "/token"
        guard FileCheck.exists(tokenFile) else {
            throw KubeConfigError("in-cluster configuration: \(tokenFile): No such file or directory (is a service account mounted?)")
        }
        var credentials = Credentials()
        credentials.tokenFile = tokenFile
        let namespace = FileCheck.exists(folder + "/namespace")
            ? String(decoding: try FileCheck.read(folder + "/namespace", what: "namespace file"), as: UTF8.self)
                .trimmingWhitespace()
            : nil
        let connection = ClusterConnection(
            contextName: contextName,
            server: ServerAddress(scheme: "https", host: host, port: port),
            defaultNamespace: namespace?.isEmpty == false ? namespace : nil,
            certificateAuthorityPEM: FileCheck.exists(folder + "/ca.crt") ? try FileCheck.read(folder + "/ca.crt", what: "in-cluster ca.crt") : nil,
            credentials: credentials)
        try connection.validate()
        return connection
    }
}
