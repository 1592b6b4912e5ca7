import Foundation
import MeshDumpCore
import Testing
@testable import KubeFixtureServer
import TestSupport

/// The real kubectl against the fixture server: proof that it behaves like an API server.
@Suite(.serialized, .enabled(if: Tools.installed("kubectl", "openssl"), "kubectl or openssl is not installed"))
struct KubectlTests {
    static let pki = Result { try TestCertificates.generate(in: NSTemporaryDirectory() + "kubectl-tests-pki-\(ProcessInfo.processInfo.processIdentifier)") }
    let generator = ClusterGenerator(namespaces: 3, kinds: 11, objectsPerKind: 3)

    enum Credential: CaseIterable { case token, clientCertificate }

    /// Runs kubectl with a kubeconfig for `server`; returns standard output, failing on a non-zero exit.
    func kubectl(_ arguments: [String], server: FixtureAPIServer, credential: Credential) throws -> String {
        let pki = try Self.pki.get()
        let home = NSTemporaryDirectory() + "kubectl-home-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var config = KubeconfigText(server: server.url)
        config.certificateAuthorityPEM = try pki.read(pki.caCertificate)
        switch credential {
        case .token: config.token = "kubectl-token"
        case .clientCertificate:
            config.clientCertificatePEM = try pki.read(pki.clientCertificate)
            config.clientKeyPEM = try pki.read(pki.clientKey)
        }
        try config.yaml.write(toFile: home + "/config", atomically: true, encoding: .utf8)
        let result = try ChildProcess.runTool("kubectl", ["--kubeconfig", home + "/config", "--cache-dir", home + "/cache"] + arguments,
                                              environment: ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        guard result.code == 0 else {
            throw CertificateError(message: "kubectl \(arguments.joined(separator: " ")) exited \(result.code): \(result.stderr)")
        }
        return result.stdout
    }

    func start() async throws -> (FixtureAPIServer, FixtureCluster) {
        var cluster = FixtureCluster()
        try generator.populate(&cluster)
        cluster.seal()
        let server = try await FixtureAPIServer.start(cluster: cluster, auth: ServerAuth(tokens: ["kubectl-token": "admin"], clientCertificates: true),
                                                      tls: try Self.pki.get().serverTLS())
        return (server, cluster)
    }

    func rows(_ table: String) -> [[String]] {
        table.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
    }

    @Test(arguments: Credential.allCases)
    func getNamespacesAndAnIstioKindAcrossNamespaces(credential: Credential) async throws {
        let (server, _) = try await start()
        defer { Task { try? await server.stop() } }
        let namespaces = rows(try kubectl(["get", "ns"], server: server, credential: credential))
        #expect(namespaces.first == ["NAME", "STATUS", "AGE"])
        #expect(namespaces.dropFirst().map { $0[0] } == ["catalog-0", "checkout-0", "payments-0"])
        #expect(namespaces.dropFirst().allSatisfy { $0[1] == "Active" && $0[2].hasSuffix("d") })
        let services = rows(try kubectl(["get", "virtualservices.networking.istio.io", "-A"], server: server, credential: credential))
        #expect(services.first == ["NAMESPACE", "NAME", "AGE"])
        #expect(services.dropFirst().map { "\($0[0])/\($0[1])" } == [
            "catalog-0/details", "catalog-0/ratings", "catalog-0/reviews", "checkout-0/details", "checkout-0/ratings", "checkout-0/reviews",
            "payments-0/details", "payments-0/ratings", "payments-0/reviews",
        ])
        let shortName = rows(try kubectl(["get", "dr", "-n", "checkout-0"], server: server, credential: credential))
        #expect(shortName.dropFirst().map { $0[0] } == ["details", "ratings", "reviews"])
        let users = Set(server.log.requests.map(\.user))
        #expect(users == [credential == .token ? "admin" : "alice"])
    }

    @Test(arguments: Credential.allCases)
    func getYAMLByNameIsTheStoredObject(credential: Credential) async throws {
        let (server, cluster) = try await start()
        defer { Task { try? await server.stop() } }
        for resource in ["envoyfilters", "authorizationpolicies", "telemetries"] {
            let printed = try kubectl(["-n", "payments-0", "get", "-o", "yaml", resource, "ratings"], server: server, credential: credential)
            let type = try #require(cluster.types.first { $0.resource == resource })
            let stored = try #require(cluster.items(type).first { $0.namespace == "payments-0" && $0.name == "ratings" })
            var json: [UInt8] = []
            stored.json(apiVersion: type.apiVersion(type.versions[0]), into: &json)
            var value = try #require(try ObjectDecoder(InputBytes(json, source: "stored")).next()).value
            value["metadata"]?["managedFields"] = nil  // kubectl hides them
            #expect(printed == (try YAMLWriter.string(value)), "kubectl printed \(resource)/ratings differently from what the server stored")
        }
    }

    @Test func kubedumpCallsWork() async throws {
        let (server, _) = try await start()
        defer { Task { try? await server.stop() } }
        let namespaces = try kubectl(["get", "-o", "json", "namespaces"], server: server, credential: .token)
        let decoder = ObjectDecoder(InputBytes(Array(namespaces.utf8), source: "kubectl"))
        var names: [String] = []
        while let object = try decoder.next() { names.append(object.name) }
        #expect(names == ["catalog-0", "checkout-0", "payments-0"])
        let list = try kubectl(["-n", "catalog-0", "get", "-o", "json", "proxyconfigs"], server: server, credential: .token)
        let items = ObjectDecoder(InputBytes(Array(list.utf8), source: "kubectl"))
        var kinds: [String] = []
        while let object = try items.next() { kinds.append("\(object.apiVersion) \(object.kind) \(object.name)") }
        #expect(kinds == ["networking.istio.io/v1beta1 ProxyConfig details", "networking.istio.io/v1beta1 ProxyConfig ratings",
                          "networking.istio.io/v1beta1 ProxyConfig reviews"])
        let missing = #expect(throws: CertificateError.self) {
            _ = try kubectl(["-n", "catalog-0", "get", "-o", "yaml", "gateways", "nope"], server: server, credential: .token)
        }
        #expect(missing?.message.contains("Error from server (NotFound): gateways.networking.istio.io \"nope\" not found") == true)
    }
}
