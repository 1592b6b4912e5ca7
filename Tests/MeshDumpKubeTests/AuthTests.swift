import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube
import TestSupport

/// Every authentication method against the fixture server over https.
@Suite(.serialized, .enabled(if: Tools.installed("openssl"), "openssl is not installed (it makes the test certificates)"))
struct AuthTests {
    let pki: TestCertificates
    let ca: [UInt8]

    init() throws {
        pki = try SharedCertificates.get()
        ca = try pki.read(pki.caCertificate)
    }

    var auth: ServerAuth {
        ServerAuth(tokens: ["good-token": "admin", "exec-token": "exec-user"], passwords: ["jane": "s3cret"], clientCertificates: true)
    }

    /// Lists gateways through a client made from `config`; returns how many and the users the server saw.
    func listGateways(_ config: (inout KubeconfigText) throws -> Void, environment: [String: String] = [:]) async throws -> (Int, KindListResult, [String?]) {
        try await withServer(try smallCluster(), auth: auth, tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = ca
            try config(&text)
            let connection = try connection(text, environment: environment)
            let listed = try await KubeClient.with(connection, options: testOptions) { try await $0.collect("gateways") }
            return (listed.objects.count, listed.result, server.log.requests.map(\.user))
        }
    }

    @Test func bearerToken() async throws {
        let (count, result, users) = try await listGateways { $0.token = "good-token" }
        #expect(result.succeeded)
        #expect(count == 12)
        #expect(Set(users) == ["admin"])
    }

    @Test func wrongTokenFailsWithTheServersMessage() async throws {
        let connectionError = await #expect(throws: KubeError.self) {
            _ = try await listGateways { $0.token = "bad-token" }
        }
        #expect(connectionError == .status(code: 401, reason: "Unauthorized", message: "Unauthorized", path: "/apis"))
    }

    @Test func tokenFileRelativeToTheKubeconfig() async throws {
        let dir = try scratchFolder()
        try write("good-token\n", to: dir + "/token")
        try await withServer(try smallCluster(), auth: auth, tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = ca
            try write(text.yaml.replacingOccurrences(of: "user: {}", with: "user:\n    tokenFile: token"), to: dir + "/config")
            let connection = try ClusterConnection.load(kubeconfig: dir + "/config", environment: Environment(variables: [:]))
            #expect(connection.credentials.tokenFile == dir + "/token")
            let listed = try await KubeClient.with(connection, options: testOptions) { try await $0.collect("gateways") }
            #expect(listed.objects.count == 12)
            #expect(Set(server.log.requests.map(\.user)) == ["admin"])
        }
    }

    @Test func basicCredentials() async throws {
        let (count, _, users) = try await listGateways { $0.username = "jane"; $0.password = "s3cret" }
        #expect(count == 12)
        #expect(Set(users) == ["jane"])
    }

    @Test func clientCertificateFromFilesAndFromData() async throws {
        let dir = try scratchFolder()
        try await withServer(try smallCluster(), auth: auth, tls: try pki.serverTLS()) { server in
            try write("""
                current-context: c
                contexts: [{name: c, context: {cluster: c, user: u}}]
                clusters: [{name: c, cluster: {server: "\(server.url)", certificate-authority: \(pki.caCertificate)}}]
                users: [{name: u, user: {client-certificate: \(pki.clientCertificate), client-key: \(pki.clientKey)}}]
                """, to: dir + "/config")
            let fromFiles = try ClusterConnection.load(kubeconfig: dir + "/config", environment: Environment(variables: [:]))
            let listed = try await KubeClient.with(fromFiles, options: testOptions) { try await $0.collect("gateways") }
            #expect(listed.objects.count == 12)
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = ca
            text.clientCertificatePEM = try pki.read(pki.clientCertificate)
            text.clientKeyPEM = try pki.read(pki.clientKey)
            let fromData = try await KubeClient.with(try connection(text), options: testOptions) { try await $0.collect("gateways") }
            #expect(fromData.objects.count == 12)
            #expect(Set(server.log.requests.map(\.user)) == ["alice"])
        }
    }

    @Test func insecureSkipVerifyAndUntrustedServers() async throws {
        let (count, _, _) = try await listGateways { $0.certificateAuthorityPEM = nil; $0.insecureSkipTLSVerify = true; $0.token = "good-token" }
        #expect(count == 12)
        try await withServer(try smallCluster(), auth: auth, tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.token = "good-token"
            let error = await #expect(throws: KubeError.self) {
                try await KubeClient.with(try connection(text), options: testOptions) { _ = try await $0.discover(IstioKinds.defaults) }
            }
            #expect(error?.description.contains("TLS failed") == true, "\(String(describing: error))")
            #expect(server.log.requests.isEmpty)
        }
    }

    @Test func tlsServerNameIsSentAndChecked() async throws {
        let named = try SharedCertificates.namedOnly.get()
        try await withServer(try smallCluster(), auth: auth, tls: try named.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = try named.read(named.caCertificate)
            text.token = "good-token"
            let refused = await #expect(throws: KubeError.self) {
                try await KubeClient.with(try connection(text), options: testOptions) { _ = try await $0.discover(IstioKinds.defaults) }
            }
            #expect(refused?.description.contains("TLS failed") == true)
            text.tlsServerName = "kubernetes.fixture"
            let listed = try await KubeClient.with(try connection(text), options: testOptions) { try await $0.collect("gateways") }
            #expect(listed.objects.count == 12)
        }
    }
}
