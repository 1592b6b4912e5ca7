import MeshDumpCore

/// One kubeconfig file, parsed: its named clusters, users and contexts in file order, and its
/// current context. Relative paths in it are resolved against the file's folder on reading.
public struct KubeconfigFile: Sendable {
    public var path: String
    public var currentContext: String?
    public var clusters: [(name: String, entry: ClusterEntry)] = []
    public var users: [(name: String, entry: UserEntry)] = []
    public var contexts: [(name: String, entry: ContextEntry)] = []

    /// Reads and parses `path`. Malformed YAML and fields of the wrong type are errors naming
    /// the file, line and column.
    public static func read(path: String) throws(KubeConfigError) -> KubeconfigFile {
        let bytes: InputBytes
        do {
            bytes = try InputBytes.read(path: path)
        } catch {
            throw KubeConfigError("kubeconfig \(error)")
        }
        return try parse(withExtendedLifetime(bytes) { Array(bytes.buffer) }, path: path)
    }

    /// Parses kubeconfig text that came from `path`.
    public static func parse(_ bytes: [UInt8], path: String) throws(KubeConfigError) -> KubeconfigFile {
        let document: Document?
        do {
            document = try YAMLReader(bytes: bytes, source: path, positionDepth: .max).next()
        } catch {
            throw KubeConfigError(error.description)
        }
        var file = KubeconfigFile(path: path)
        guard let document, document.value != .null else { return file }
        let root = ConfigNode(value: document.value, field: FieldPath(), file: path, positions: document.positions ?? [:])
        _ = try root.mapping()
        let folder = PathResolver.folder(of: path)
        file.currentContext = try root.string("current-context").flatMap { $0.isEmpty ? nil : $0 }
        for item in try root.list("clusters") {
            let (name, body) = try named(item, body: "cluster")
            file.clusters.append((name, try cluster(body, folder: folder, file: path)))
        }
        for item in try root.list("users") {
            let (name, body) = try named(item, body: "user")
            file.users.append((name, try user(body, folder: folder, file: path)))
        }
        for item in try root.list("contexts") {
            let (name, body) = try named(item, body: "context")
            file.contexts.append((name, ContextEntry(
                cluster: try body?.string("cluster") ?? "", user: try body?.string("user") ?? "",
                namespace: try body?.string("namespace").flatMap { $0.isEmpty ? nil : $0 }, file: path)))
        }
        return file
    }

    /// `{name: X, cluster: {...}}` → (X, the body node).
    private static func named(_ item: ConfigNode, body key: String) throws(KubeConfigError) -> (String, ConfigNode?) {
        _ = try item.mapping()
        guard let name = try item.string("name"), !name.isEmpty else { throw item.error("has no name") }
        let body = item.child(key)
        if let body { _ = try body.mapping() }
        return (name, body)
    }

    private static func cluster(_ node: ConfigNode?, folder: String, file: String) throws(KubeConfigError) -> ClusterEntry {
        ClusterEntry(
            server: try node?.string("server") ?? "",
            certificateAuthority: try node?.string("certificate-authority").map { PathResolver.resolve($0, in: folder) },
            certificateAuthorityData: try node?.base64("certificate-authority-data"),
            insecureSkipTLSVerify: try node?.bool("insecure-skip-tls-verify") ?? false,
            tlsServerName: try node?.string("tls-server-name"),
            proxyURL: try node?.string("proxy-url"),
            file: file)
    }

    private static func user(_ node: ConfigNode?, folder: String, file: String) throws(KubeConfigError) -> UserEntry {
        var user = UserEntry(file: file)
        guard let node else { return user }
        user.token = try node.string("token")
        user.tokenFile = try node.string("tokenFile").map { PathResolver.resolve($0, in: folder) }
        user.clientCertificate = try node.string("client-certificate").map { PathResolver.resolve($0, in: folder) }
        user.clientCertificateData = try node.base64("client-certificate-data")
        user.clientKey = try node.string("client-key").map { PathResolver.resolve($0, in: folder) }
        user.clientKeyData = try node.base64("client-key-data")
        user.username = try node.string("username")
        user.password = try node.string("password")
        if let provider = node.child("auth-provider") {
            user.authProvider = try provider.string("name") ?? "(unnamed)"
        }
        if let exec = node.child("exec") {
            user.exec = try execConfig(exec, folder: folder)
        }
        return user
    }

    private static func execConfig(_ node: ConfigNode, folder: String) throws(KubeConfigError) -> ExecConfig {
        _ = try node.mapping()
        guard let command = try node.string("command"), !command.isEmpty else { throw node.error("has no command") }
        guard let apiVersion = try node.string("apiVersion"), !apiVersion.isEmpty else { throw node.error("has no apiVersion") }
        var env: [(String, String)] = []
        for item in try node.list("env") {
            _ = try item.mapping()
            guard let name = try item.string("name") else { throw item.error("has no name") }
            env.append((name, try item.string("value") ?? ""))
        }
        // client-go resolves the command against the kubeconfig's folder only when it is a path.
        let resolved = command.contains("/") ? PathResolver.resolve(command, in: folder) : command
        return ExecConfig(apiVersion: apiVersion, command: resolved, args: try node.strings("args"), env: env,
                          interactiveMode: try node.string("interactiveMode"), installHint: try node.string("installHint"),
                          provideClusterInfo: try node.bool("provideClusterInfo"))
    }
}
