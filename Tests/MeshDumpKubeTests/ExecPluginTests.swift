import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube
import TestSupport

/// Exec credential plugins: a tiny shell script plays the plugin and counts its runs.
@Suite(.serialized, .enabled(if: Tools.installed("openssl"), "openssl is not installed (it makes the test certificates)"))
struct ExecPluginTests {
    let pki: TestCertificates
    let ca: [UInt8]

    init() throws {
        pki = try SharedCertificates.get()
        ca = try pki.read(pki.caCertificate)
    }

    /// A plugin that appends its KUBERNETES_EXEC_INFO to `runs` and prints `status` (JSON).
    func plugin(in dir: String, apiVersion: String, status: String) throws -> String {
        let path = dir + "/plugin.sh"
        try write("""
            #!/bin/sh
            echo "$KUBERNETES_EXEC_INFO $EXTRA" >> "\(dir)/runs"
            cat <<'JSON'
            {"apiVersion": "\(apiVersion)", "kind": "ExecCredential", "status": \(status)}
            JSON
            """, to: path, executable: true)
        return path
    }

    func runs(_ dir: String) -> [String] {
        ((try? String(contentsOfFile: dir + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func kubeconfig(server: String, exec: String, dir: String) throws -> ClusterConnection {
        var text = KubeconfigText(server: server)
        text.certificateAuthorityPEM = ca
        try write(text.yaml.replacingOccurrences(of: "user: {}", with: "user:\n    exec:\n\(exec)"), to: dir + "/config")
        return try ClusterConnection.load(kubeconfig: dir + "/config", environment: Environment(variables: [:]))
    }

    @Test func v1TokenIsCachedAcrossRequestsAndKinds() async throws {
        let dir = try scratchFolder()
        _ = try plugin(in: dir, apiVersion: "client.authentication.k8s.io/v1", status: #"{"token": "exec-token", "expirationTimestamp": "2999-01-01T00:00:00Z"}"#)
        try await withServer(try smallCluster(), auth: ServerAuth(tokens: ["exec-token": "exec-user"]), tls: try pki.serverTLS()) { server in
            let connection = try kubeconfig(server: server.url, exec: """
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./plugin.sh
                      env: [{name: EXTRA, value: from-kubeconfig}]
                      interactiveMode: Never
                      provideClusterInfo: true
                """, dir: dir)
            let results = try await KubeClient.with(connection, options: testOptions) { client in
                let discovery = try await client.discover(IstioKinds.defaults)
                return try await client.list(discovery.served, diagnostics: DiagnosticCollector()) { _, _ in }
            }
            #expect(results.allSatisfy { $0.succeeded })
            #expect(results.map(\.objects).reduce(0, +) == 132)
            let ran = runs(dir)
            #expect(ran.count == 1)
            #expect(ran.first == #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"cluster":{"server":"\#(server.url)"},"interactive":false}} from-kubeconfig"#)
            #expect(Set(server.log.requests.map(\.user)) == ["exec-user"])
        }
    }

    @Test func v1beta1ClientCertificate() async throws {
        let dir = try scratchFolder()
        func jsonString(_ path: String) throws -> String {
            String(decoding: JSONText(try pki.read(path)), as: UTF8.self)
        }
        _ = try plugin(in: dir, apiVersion: "client.authentication.k8s.io/v1beta1",
                       status: #"{"clientCertificateData": \#(try jsonString(pki.clientCertificate)), "clientKeyData": \#(try jsonString(pki.clientKey))}"#)
        try await withServer(try smallCluster(), auth: ServerAuth(clientCertificates: true), tls: try pki.serverTLS()) { server in
            let connection = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: \(dir)/plugin.sh", dir: dir)
            let listed = try await KubeClient.with(connection, options: testOptions) { try await $0.collect("sidecars") }
            #expect(listed.objects.count == 12)
            #expect(Set(server.log.requests.map(\.user)) == ["alice"])
        }
    }

    @Test func expiredCredentialsAndRejectedTokensRunThePluginAgain() async throws {
        let dir = try scratchFolder()
        _ = try plugin(in: dir, apiVersion: "client.authentication.k8s.io/v1", status: #"{"token": "exec-token", "expirationTimestamp": "2001-01-01T00:00:00Z"}"#)
        try await withServer(try smallCluster(), auth: ServerAuth(tokens: ["exec-token": "exec-user"]), tls: try pki.serverTLS()) { server in
            let connection = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1\n      command: ./plugin.sh\n      interactiveMode: IfAvailable", dir: dir)
            let client = KubeClient(connection: connection, options: testOptions)
            _ = try await client.serverVersion()
            _ = try await client.serverVersion()
            #expect(runs(dir).count == 2)  // already expired: every request runs it
            await client.shutdown()
        }
        let dir2 = try scratchFolder()
        _ = try plugin(in: dir2, apiVersion: "client.authentication.k8s.io/v1", status: #"{"token": "stale-token"}"#)
        try await withServer(try smallCluster(), auth: ServerAuth(tokens: ["exec-token": "exec-user"]), tls: try pki.serverTLS()) { server in
            let connection = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1\n      command: ./plugin.sh\n      interactiveMode: Never", dir: dir2)
            let error = await #expect(throws: KubeError.self) {
                try await KubeClient.with(connection, options: testOptions) { _ = try await $0.serverVersion() }
            }
            #expect(error?.statusCode == 401)
            #expect(runs(dir2).count == 2)  // rejected once, run again, rejected again: no loop
            #expect(server.log.requests.count == 2)
        }
    }

    @Test func failingPluginsAreExplained() async throws {
        let dir = try scratchFolder()
        try write("#!/bin/sh\necho 'login required: run sso-login' >&2\nexit 3\n", to: dir + "/plugin.sh", executable: true)
        try write("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{}}'\n", to: dir + "/wrong.sh", executable: true)
        try await withServer(try smallCluster(), tls: try pki.serverTLS()) { server in
            let failing = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ./plugin.sh", dir: dir)
            let error = await #expect(throws: KubeError.self) { try await KubeClient.with(failing, options: testOptions) { _ = try await $0.serverVersion() } }
            #expect(error == .credentials("exec plugin \(dir)/./plugin.sh failed with exit status 3: login required: run sso-login"))
            let wrong = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n      command: ./wrong.sh", dir: dir)
            let mismatch = await #expect(throws: KubeError.self) { try await KubeClient.with(wrong, options: testOptions) { _ = try await $0.serverVersion() } }
            #expect(mismatch == .credentials("exec plugin \(dir)/./wrong.sh is configured for client.authentication.k8s.io/v1 but returned client.authentication.k8s.io/v1beta1"))
            let missing = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: no-such-plugin-xyz", dir: dir)
            let notFound = await #expect(throws: KubeError.self) { try await KubeClient.with(missing, options: testOptions) { _ = try await $0.serverVersion() } }
            #expect(notFound == .credentials("exec plugin no-such-plugin-xyz: executable not found"))
            #expect(server.log.requests.isEmpty)
        }
    }

    /// Issue 11: a plugin that prints without end (`yes`) is stopped at 4 MiB, not read into memory.
    @Test(.timeLimit(.minutes(1))) func issue11_pluginPrintingTooMuchIsStopped() async throws {
        let dir = try scratchFolder()
        try write("#!/bin/sh\nexec yes '{\"apiVersion\": \"client.authentication.k8s.io/v1beta1\"}'\n", to: dir + "/plugin.sh", executable: true)
        try await withServer(try smallCluster(), tls: try pki.serverTLS()) { server in
            let endless = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ./plugin.sh", dir: dir)
            let error = await #expect(throws: KubeError.self) { try await KubeClient.with(endless, options: testOptions) { _ = try await $0.serverVersion() } }
            #expect(error == .credentials("exec plugin \(dir)/./plugin.sh printed more than 4194304 bytes and was stopped; an ExecCredential is a few kilobytes"))
            #expect(server.log.requests.isEmpty)
        }
    }

    /// Issue 11: a plugin that never ends is stopped after `execTimeout`, naming it.
    @Test(.timeLimit(.minutes(1))) func issue11_hangingPluginIsStopped() async throws {
        let dir = try scratchFolder()
        try write("#!/bin/sh\necho waiting for a browser login >&2\nexec sleep 600\n", to: dir + "/plugin.sh", executable: true)
        try await withServer(try smallCluster(), tls: try pki.serverTLS()) { server in
            let hanging = try kubeconfig(server: server.url, exec: "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ./plugin.sh", dir: dir)
            var options = testOptions
            options.execTimeout = .milliseconds(500)
            let start = ContinuousClock.now
            let error = await #expect(throws: KubeError.self) { try await KubeClient.with(hanging, options: options) { _ = try await $0.serverVersion() } }
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(error == .credentials("exec plugin \(dir)/./plugin.sh did not finish within 0.5 seconds and was stopped; run it yourself to see what it waits for (meshdump gives it no terminal)"))
        }
    }

    /// Issue 11: ExecPlugin's errors are KubeErrors saying what the plugin printed (once a
    /// forced cast that crashed on anything else).
    @Test func outputThatIsNoExecCredentialIsExplained() {
        let exec = ExecConfig(apiVersion: "client.authentication.k8s.io/v1", command: "sso", args: [], env: [], interactiveMode: nil,
                              installHint: nil, provideClusterInfo: false)
        for (output, message) in [
            ("", "exec plugin sso printed nothing; it must print an ExecCredential"),
            ("{\"kind\": \"ExecCredential\", [", "exec plugin sso printed something that is not an ExecCredential: "),
            ("- a\n- b\n", "exec plugin sso printed a list, not an ExecCredential"),
            ("{\"kind\": \"Status\"}", "exec plugin sso printed a Status, not an ExecCredential"),
        ] {
            #expect {
                _ = try ExecCredential.parse(Array(output.utf8), exec: exec)
            } throws: { error in
                guard case KubeError.credentials(let text) = error else { return false }
                return message.hasSuffix(": ") ? text.hasPrefix(message) && text.count > message.count : text == message
            }
        }
    }

    @Test func expirationTimestampsAreRFC3339() {
        #expect(ExecCredential.time("2025-01-02T03:04:05Z")?.timeIntervalSince1970 == 1_735_787_045)
        #expect(ExecCredential.time("2025-01-02T03:04:05.5+02:00")?.timeIntervalSince1970 == 1_735_779_845.5)
        #expect(ExecCredential.time("2025-01-02T03:04:05Z trailing") == nil)
        #expect(ExecCredential.time("2025-01-02 03:04:05") == nil)
        #expect(ExecCredential.time("tomorrow") == nil)
    }
}

/// A PEM file as a JSON string literal.
private func JSONText(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    try? JSONWriter.write(.string(String(decoding: bytes, as: UTF8.self)), compact: true, to: &out)
    return out
}
