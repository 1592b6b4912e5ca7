import Foundation
import KubeFixtureServer
import MeshDumpCore
import MeshDumpKube

// What tests of cluster code share: scratch folders, a throwaway PKI, a generated mesh, a
// fixture API server for the length of a closure, and fast client options.

/// A fresh scratch folder under the system temporary folder.
public func scratchFolder(_ name: String = #function) throws -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "meshdump-kube-tests/\(clean)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

public func write(_ text: String, to path: String, executable: Bool = false) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
}

/// One throwaway PKI for the whole test run (server names: localhost, 127.0.0.1, kubernetes.fixture).
public enum SharedCertificates {
    public static let certificates: Result<TestCertificates, any Error> = Result {
        try TestCertificates.generate(in: NSTemporaryDirectory() + "meshdump-kube-tests/pki-\(ProcessInfo.processInfo.processIdentifier)",
                                      serverNames: ["localhost", "127.0.0.1"], clientUser: "alice")
    }
    /// A server certificate valid only for `kubernetes.fixture` (for tls-server-name).
    public static let namedOnly: Result<TestCertificates, any Error> = Result {
        try TestCertificates.generate(in: NSTemporaryDirectory() + "meshdump-kube-tests/pki-named-\(ProcessInfo.processInfo.processIdentifier)",
                                      serverNames: ["kubernetes.fixture"], clientUser: "bob")
    }
    public static func get() throws -> TestCertificates { try certificates.get() }
}

/// A small mesh: `namespaces` × the eleven default kinds × `perKind` objects.
public func smallCluster(namespaces: Int = 3, perKind: Int = 4) throws -> FixtureCluster {
    var cluster = FixtureCluster()
    try ClusterGenerator(namespaces: namespaces, kinds: 11, objectsPerKind: perKind).populate(&cluster)
    return cluster
}

/// Starts a server, runs `body`, stops the server.
public func withServer<T>(_ cluster: FixtureCluster, auth: ServerAuth = ServerAuth(), tls: FixtureAPIServer.TLS? = nil,
                   _ body: (FixtureAPIServer) async throws -> T) async throws -> T {
    let server = try await FixtureAPIServer.start(cluster: cluster, auth: auth, tls: tls)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// Writes `config` into a scratch folder and loads its connection as meshdump would.
public func connection(_ config: KubeconfigText, environment: [String: String] = [:]) throws -> ClusterConnection {
    let folder = try scratchFolder("kubeconfig")
    try write(config.yaml, to: folder + "/config")
    return try ClusterConnection.load(kubeconfig: folder + "/config", environment: Environment(variables: environment))
}

/// Fast retries for tests.
public let testOptions = ClientOptions(requestTimeout: .seconds(5), retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20)),
                                environment: Environment(variables: ProcessInfo.processInfo.environment))

