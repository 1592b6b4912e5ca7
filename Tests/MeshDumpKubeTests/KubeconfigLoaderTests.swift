import Foundation
import KubeTestSupport
import Testing
@testable import MeshDumpKube

@Suite struct KubeconfigLoaderTests {
    let first = """
        apiVersion: v1
        kind: Config
        current-context: one
        clusters:
        - name: shared
          cluster: {server: "https://first.example:6443", insecure-skip-tls-verify: true}
        - name: only-first
          cluster: {server: "https://only-first.example", certificate-authority: certs/ca.pem}
        users:
        - name: u
          user: {token: first-token}
        contexts:
        - name: one
          context: {cluster: shared, user: u, namespace: team-a}
        """
    let second = """
        current-context: two
        clusters:
        - name: shared
          cluster: {server: "https://second.example"}
        - name: only-second
          cluster: {server: "https://only-second.example"}
        users:
        - name: u
          user: {token: second-token}
        contexts:
        - name: two
          context: {cluster: only-second, user: u}
        - name: one
          context: {cluster: only-second, user: u}
        """

    @Test func firstFileWinsEachNameAndTheCurrentContext() throws {
        let dir = try scratchFolder()
        try write(first, to: dir + "/a")
        try write(second, to: dir + "/b")
        let env = Environment(variables: ["KUBECONFIG": "\(dir)/a:\(dir)/missing::\(dir)/b:\(dir)/a"])
        let merged = try KubeconfigLoader(environment: env).load()
        #expect(merged.files == ["\(dir)/a", "\(dir)/b"])
        #expect(merged.currentContext == "one")
        #expect(merged.clusters["shared"]?.server == "https://first.example:6443")
        #expect(merged.clusters["shared"]?.insecureSkipTLSVerify == true)
        #expect(merged.clusters["only-second"]?.server == "https://only-second.example")
        #expect(merged.users["u"]?.token == "first-token")
        #expect(merged.contexts["one"]?.cluster == "shared")
        #expect(merged.contextNames == ["one", "two"])
        let connection = try merged.connection(context: nil, environment: env)
        #expect(connection.contextName == "one")
        #expect(connection.server == ServerAddress(scheme: "https", host: "first.example", port: 6443))
        #expect(connection.defaultNamespace == "team-a")
        #expect(connection.credentials.bearerToken == "first-token")
        let two = try merged.connection(context: "two", environment: env)
        #expect(two.server.host == "only-second.example")
        #expect(two.server.port == 443)
    }

    @Test func explicitKubeconfigIgnoresTheEnvironmentAndMustExist() throws {
        let dir = try scratchFolder()
        try write(first, to: dir + "/a")
        try write(second, to: dir + "/b")
        let env = Environment(variables: ["KUBECONFIG": "\(dir)/a", "HOME": dir])
        let merged = try KubeconfigLoader(explicitPath: dir + "/b", environment: env).load()
        #expect(merged.currentContext == "two")
        #expect(throws: KubeConfigError("kubeconfig \(dir)/nope: No such file or directory")) {
            try KubeconfigLoader(explicitPath: dir + "/nope", environment: env).load()
        }
    }

    @Test func homeConfigIsTheDefault() throws {
        let dir = try scratchFolder()
        try FileManager.default.createDirectory(atPath: dir + "/.kube", withIntermediateDirectories: true)
        try write(second, to: dir + "/.kube/config")
        let merged = try KubeconfigLoader(environment: Environment(variables: ["HOME": dir])).load()
        #expect(merged.files == [dir + "/.kube/config"])
        #expect(merged.currentContext == "two")
    }

    @Test func relativePathsResolveAgainstTheFilesFolder() throws {
        let dir = try scratchFolder()
        try FileManager.default.createDirectory(atPath: dir + "/conf/certs", withIntermediateDirectories: true)
        try write("""
            clusters:
            - name: c
              cluster: {server: "https://x", certificate-authority: certs/ca.pem}
            users:
            - name: u
              user:
                client-certificate: certs/u.crt
                client-key: /abs/u.key
                tokenFile: ../token
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin}
            - name: v
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: gke-gcloud-auth-plugin}
            """, to: dir + "/conf/config")
        let file = try KubeconfigFile.read(path: dir + "/conf/config")
        #expect(file.clusters[0].entry.certificateAuthority == dir + "/conf/certs/ca.pem")
        let user = file.users[0].entry
        #expect(user.clientCertificate == dir + "/conf/certs/u.crt")
        #expect(user.clientKey == "/abs/u.key")
        #expect(user.tokenFile == dir + "/conf/../token")
        #expect(user.exec?.command == dir + "/conf/./bin/plugin")
        #expect(file.users[1].entry.exec?.command == "gke-gcloud-auth-plugin")
    }

    @Test func badYAMLNamesFileLineAndColumn() throws {
        let dir = try scratchFolder()
        try write("clusters:\n- name: c\n  cluster: {server: [unclosed\n", to: dir + "/bad")
        do {
            _ = try KubeconfigFile.read(path: dir + "/bad")
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix("\(dir)/bad:4:1: "), "\(error)")
        }
    }

    @Test(arguments: [
        ("clusters:\n- name: c\n  cluster:\n    server: [a]\n", "4:13: clusters[0].cluster.server: expected a string, found a list"),
        ("users: {a: 1}\n", "1:8: users: expected a list, found a mapping"),
        ("contexts:\n- context: {cluster: c}\n", "2:3: contexts[0]: has no name"),
        ("clusters:\n- name: c\n  cluster: {certificate-authority-data: '!!notbase64'}\n", "3:41: clusters[0].cluster.certificate-authority-data: not valid base64"),
        ("users:\n- name: u\n  user:\n    exec: {command: x}\n", "4:11: users[0].user.exec: has no apiVersion"),
    ])
    func fieldsOfTheWrongShapeAreNamed(text: String, message: String) throws {
        let dir = try scratchFolder()
        try write(text, to: dir + "/config")
        #expect(throws: KubeConfigError("\(dir)/config:\(message)")) { try KubeconfigFile.read(path: dir + "/config") }
    }

    @Test func contextsUsersAndClustersMustExist() throws {
        let dir = try scratchFolder()
        try write("""
            current-context: gone
            contexts:
            - {name: a, context: {cluster: nowhere, user: u}}
            - {name: b, context: {cluster: c, user: nobody}}
            clusters:
            - {name: c, cluster: {server: "https://c"}}
            """, to: dir + "/config")
        let merged = try KubeconfigLoader(explicitPath: dir + "/config").load()
        let files = dir + "/config"
        #expect(throws: KubeConfigError("current-context \"gone\" does not exist in \(files)")) { try merged.connection(context: nil) }
        #expect(throws: KubeConfigError("context \"x\" does not exist in \(files)")) { try merged.connection(context: "x") }
        #expect(throws: KubeConfigError("context \"a\" names cluster \"nowhere\", which \(files) does not define")) { try merged.connection(context: "a") }
        #expect(throws: KubeConfigError("context \"b\" names user \"nobody\", which \(files) does not define")) { try merged.connection(context: "b") }
    }

    @Test func unsafeOrUnsupportedSettingsAreRefused() throws {
        func load(_ cluster: String, _ user: String) throws -> ClusterConnection {
            let dir = try scratchFolder("unsafe")
            try write("current-context: x\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nclusters: [{name: c, cluster: \(cluster)}]\nusers: [{name: u, user: \(user)}]\n", to: dir + "/config")
            return try ClusterConnection.load(kubeconfig: dir + "/config", environment: Environment(variables: [:]))
        }
        #expect(throws: KubeConfigError("context \"x\": refusing to send a bearer token to http://h:80 over plain http; use an https server")) {
            try load("{server: 'http://h'}", "{token: t}")
        }
        #expect(throws: KubeConfigError("context \"x\": refusing to send a username and password to http://h:8080 over plain http; use an https server")) {
            try load("{server: 'http://h:8080'}", "{username: a, password: b}")
        }
        #expect(throws: KubeConfigError("context \"x\": specifying a root certificates file with the insecure flag is not allowed")) {
            try load("{server: 'https://h', insecure-skip-tls-verify: true, certificate-authority-data: 'QQ=='}", "{}")
        }
        do {
            _ = try load("{server: 'https://h'}", "{auth-provider: {name: gcp}}")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("auth-provider \"gcp\" is not supported"))
        }
        do {
            _ = try load("{server: 'https://h'}", "{exec: {apiVersion: client.authentication.k8s.io/v1, command: x}}")
            Issue.record("no error")
        } catch {
            #expect("\(error)".hasSuffix("exec plugin: interactiveMode must be specified for client.authentication.k8s.io/v1"))
        }
        #expect(throws: (any Error).self) { try load("{server: 'https://h'}", "{token: t, username: a}") }
        let plain = try load("{server: 'http://h'}", "{}")
        #expect(plain.server.isTLS == false)
    }

    @Test func inClusterConfigurationWhenNothingElseIsConfigured() throws {
        let dir = try scratchFolder()
        try write("sa-token\n", to: dir + "/token")
        try write("team-x", to: dir + "/namespace")
        let env = Environment(variables: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443", "HOME": dir],
                              serviceAccountFolder: dir)
        let connection = try ClusterConnection.load(environment: env)
        #expect(connection.contextName == "in-cluster")
        #expect(connection.server.description == "https://[fd00::1]:443")
        #expect(connection.credentials.tokenFile == dir + "/token")
        #expect(connection.defaultNamespace == "team-x")
        #expect(throws: KubeConfigError.self) { try ClusterConnection.load(environment: Environment(variables: ["HOME": dir])) }
    }

    @Test func serverAndProxyAddresses() throws {
        #expect(try ServerAddress(parsing: "https://10.0.0.1:6443/k8s/").description == "https://10.0.0.1:6443/k8s")
        #expect(try ServerAddress(parsing: "https://[::1]:6443").host == "::1")
        #expect(try ServerAddress(parsing: "localhost:8080", defaultTLS: false).description == "http://localhost:8080")
        #expect(throws: KubeConfigError.self) { try ServerAddress(parsing: "ftp://x") }
        let proxy = try ProxySetting(parsing: "http://user:p%40ss@proxy.corp:3128")
        #expect(proxy == ProxySetting(kind: .http, host: "proxy.corp", port: 3128, username: "user", password: "p@ss"))
        #expect(try ProxySetting(parsing: "socks5://s").port == 1080)
        #expect(throws: KubeConfigError.self) { try ProxySetting(parsing: "https://p:1") }
        let server = ServerAddress(scheme: "https", host: "api.prod.corp", port: 443)
        let env = Environment(variables: ["HTTPS_PROXY": "proxy:3128", "NO_PROXY": "localhost,.dev.corp"])
        #expect(try ProxySetting.fromEnvironment(env, for: server)?.host == "proxy")
        #expect(try ProxySetting.fromEnvironment(env, for: ServerAddress(scheme: "https", host: "x.dev.corp", port: 443)) == nil)
        #expect(try ProxySetting.fromEnvironment(env, for: ServerAddress(scheme: "https", host: "127.0.0.1", port: 443)) == nil)
    }
}
