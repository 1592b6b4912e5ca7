import Foundation
import KubeFixtureServer
import MeshDumpCore
@testable import MeshDumpKube

/// A fresh scratch folder under the system temporary folder.
func scratchFolder(_ name: String = #function) throws -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "meshdump-kube-tests/\(clean)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String, executable: Bool = false) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
}

/// One throwaway PKI for the whole test run (server names: localhost, 127.0.0.1, kubernetes.fixture).
enum SharedCertificates {
    static let certificates: Result<TestCertificates, any Error> = Result {
        try TestCertificates.generate(in: NSTemporaryDirectory() + "meshdump-kube-tests/pki-\(ProcessInfo.processInfo.processIdentifier)",
                                      serverNames: ["localhost", "127.0.0.1"], clientUser: "alice")
    }
    /// A server certificate valid only for `kubernetes.fixture` (for tls-server-name).
    static let namedOnly: Result<TestCertificates, any Error> = Result {
        try TestCertificates.generate(in: NSTemporaryDirectory() + "meshdump-kube-tests/pki-named-\(ProcessInfo.processInfo.processIdentifier)",
                                      serverNames: ["kubernetes.fixture"], clientUser: "bob")
    }
    static func get() throws -> TestCertificates { try certificates.get() }
}

/// A small mesh: `namespaces` × the eleven default kinds × `perKind` objects.
func smallCluster(namespaces: Int = 3, perKind: Int = 4) throws -> FixtureCluster {
    var cluster = FixtureCluster()
    try ClusterGenerator(namespaces: namespaces, kinds: 11, objectsPerKind: perKind).populate(&cluster)
    return cluster
}

/// Starts a server, runs `body`, stops the server.
func withServer<T>(_ cluster: FixtureCluster, auth: ServerAuth = ServerAuth(), tls: FixtureAPIServer.TLS? = nil,
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
func connection(_ config: KubeconfigText, environment: [String: String] = [:]) throws -> ClusterConnection {
    let folder = try scratchFolder("kubeconfig")
    try write(config.yaml, to: folder + "/config")
    return try ClusterConnection.load(kubeconfig: folder + "/config", environment: Environment(variables: environment))
}

/// Fast retries for tests.
let testOptions = ClientOptions(requestTimeout: .seconds(5), retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20)),
                                environment: Environment(variables: ProcessInfo.processInfo.environment))

/// Everything a list delivered, and its result.
struct Listed {
    var objects: [Object]
    var result: KindListResult
    var diagnostics: [Diagnostic]
    var keys: [String] { objects.map { "\($0.namespace)/\($0.name)" } }
}

/// Collects objects delivered from several tasks.
final class ObjectBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Object] = []
    func append(_ object: Object) { lock.withLock { stored.append(object) } }
    var objects: [Object] { lock.withLock { stored } }
}

extension KubeClient {
    /// Lists `resource` (by name, among the default kinds) and collects what arrives.
    func collect(_ resource: String, filter: ListFilter = ListFilter()) async throws -> Listed {
        let discovery = try await discover(IstioKinds.defaults)
        guard let kind = discovery.served.first(where: { $0.resource == resource }) else { throw KubeError.malformedResponse("\(resource) not served") }
        let sink = DiagnosticCollector()
        var objects: [Object] = []
        let result = try await list(kind, filter: filter, diagnostics: sink) { objects.append($0) }
        return Listed(objects: objects, result: result, diagnostics: sink.diagnostics)
    }
}

/// The keys `namespace/name` the cluster holds for a kind, in list order.
func expectedKeys(_ generator: ClusterGenerator, kind: String) -> [String] {
    var keys: [String] = []
    for n in 0..<generator.namespaces {
        for j in 0..<generator.objectsPerKind {
            let service = ClusterGenerator.services[j % ClusterGenerator.services.count]
            let name = j < ClusterGenerator.services.count ? service : "\(service)-\(j / ClusterGenerator.services.count)"
            keys.append("\(ClusterGenerator.namespaceName(n))/\(name)")
        }
    }
    return keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
}
