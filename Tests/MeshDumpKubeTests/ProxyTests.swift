import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube
import TestSupport

/// `proxy-url`: requests reach the API server through an HTTP CONNECT proxy.
@Suite struct ProxyTests {
    @Test(.enabled(if: Tools.installed("openssl"), "openssl is not installed (it makes the test certificates)"))
    func httpsThroughAConnectProxy() async throws {
        let pki = try SharedCertificates.get()
        let proxy = try await ConnectProxy.start()
        defer { Task { try? await proxy.stop() } }
        try await withServer(try smallCluster(), auth: ServerAuth(tokens: ["t": "proxied"]), tls: try pki.serverTLS()) { server in
            var text = KubeconfigText(server: server.url)
            text.certificateAuthorityPEM = try pki.read(pki.caCertificate)
            text.token = "t"
            let dir = try scratchFolder()
            try write(text.yaml.replacingOccurrences(of: "server: \(server.url)", with: "proxy-url: http://127.0.0.1:\(proxy.port)\n    server: \(server.url)"),
                      to: dir + "/config")
            let connection = try ClusterConnection.load(kubeconfig: dir + "/config", environment: Environment(variables: [:]))
            #expect(connection.proxy == ProxySetting(kind: .http, host: "127.0.0.1", port: proxy.port))
            let listed = try await KubeClient.with(connection, options: testOptions) { try await $0.collect("serviceentries") }
            #expect(listed.objects.count == 12)
            #expect(Set(proxy.tunnels) == ["127.0.0.1:\(server.port)"])
            #expect(Set(server.log.requests.map(\.user)) == ["proxied"])
        }
    }
}
