import ArgumentParser
import Foundation
import KubeFixtureServer

/// `fixture-apiserver`: a local Kubernetes API server for trying meshdump and kubectl without a
/// cluster, and for benchmarks. Prints its URL on standard output and writes a kubeconfig.
@main
struct FixtureAPIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture-apiserver",
        abstract: "Serve Kubernetes objects from fixture files or a generated mesh, like an API server.",
        discussion: """
            Prints the server's URL as the first line of standard output, then runs until killed. \
            With --write-kubeconfig, writes a kubeconfig for it (kubectl --kubeconfig PATH get ns). \
            Over https, clients authenticate with --token (the kubeconfig carries it) or, with \
            --client-cert-auth, with a client certificate the kubeconfig carries instead.
            """
    )

    @Option(help: "A YAML or JSON file, or a folder read recursively. Repeatable.")
    var fixtures: [String] = []

    @Option(help: "Generate NAMESPACESxKINDSxOBJECTS realistic objects (e.g. 50x11x20).")
    var generate: String?

    @Flag(help: "With --generate, also what the mesh needs around it: the ingress gateway's Pod and Service in istio-ingress, the TLS Secrets its Gateways name (retired-tls is missing), Services, ServiceAccounts with token Secrets, and Gateway API objects.")
    var withDependencies = false

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 0

    @Flag(help: "Serve https with a throwaway CA made by openssl.")
    var tls = false

    @Option(help: "Where to put the generated certificates (default: a new temporary folder).")
    var certDir: String?

    @Option(help: "Bearer token clients must send over https.")
    var token = "fixture-token"

    @Flag(help: "Over https, write a kubeconfig that authenticates with a client certificate instead of the token.")
    var clientCertAuth = false

    @Option(help: "Write a kubeconfig for this server to PATH.")
    var writeKubeconfig: String?

    @Option(help: "The name of the context, cluster and user in that kubeconfig, so kubeconfigs of several servers merge (KUBECONFIG=a:b).")
    var context = "fixture"

    @Option(help: ArgumentHelp("Inject a fault into matching requests. Repeatable.", discussion: Fault.specHelp))
    var fault: [String] = []

    @Flag(help: "Serve in the background: return once the server listens (and its kubeconfig is written), printing its URL and process id. Stop it with kill.")
    var detach = false

    func run() async throws {
        if detach { try Self.detached() }
        let faults: [Fault]
        do {
            faults = try fault.map { spec throws(FaultSpecError) in try Fault(spec: spec) }
        } catch {
            throw ValidationError(error.description)
        }
        var cluster = FixtureCluster()
        try cluster.load(paths: fixtures)
        if let generate {
            guard var generator = ClusterGenerator(shape: generate) else {
                throw ValidationError("--generate wants NAMESPACESxKINDSxOBJECTS with at most 11 kinds, e.g. 50x11x20")
            }
            generator.dependencies = withDependencies
            try generator.populate(&cluster)
        }
        var certificates: TestCertificates?
        if tls {
            let folder = certDir ?? NSTemporaryDirectory() + "fixture-apiserver-\(ProcessInfo.processInfo.processIdentifier)"
            certificates = try TestCertificates.generate(in: folder, serverNames: ["localhost", "127.0.0.1", host])
        }
        let auth = tls ? ServerAuth(tokens: [token: "fixture-admin"], clientCertificates: true) : ServerAuth()
        let server = try await FixtureAPIServer.start(cluster: cluster, auth: auth, tls: try certificates?.serverTLS(), host: host, port: port)
        faults.forEach(server.faults.add)
        if let path = writeKubeconfig {
            var config = KubeconfigText(server: server.url)
            config.contextName = context
            config.userName = context + "-user"
            if let certificates {
                config.certificateAuthorityPEM = try certificates.read(certificates.caCertificate)
                if clientCertAuth {
                    config.clientCertificatePEM = try certificates.read(certificates.clientCertificate)
                    config.clientKeyPEM = try certificates.read(certificates.clientKey)
                } else {
                    config.token = token
                }
            }
            try config.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        }
        FileHandle.standardError.write(Data("fixture-apiserver: serving \(cluster.objectCount) objects at \(server.url)\(writeKubeconfig.map { "; kubeconfig \($0)" } ?? "")\n".utf8))
        FileHandle.standardOutput.write(Data((server.url + "\n").utf8))
        try await server.wait()
    }

    /// Starts this command again without `--detach`, waits for its URL, prints it with the
    /// server's process id, and exits, leaving the server running in the caller's process group
    /// (so a script can stop it with `pkill -g 0`, as a `&` job; Foundation's Process would
    /// give it a group of its own).
    private static func detached() throws -> Never {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ValidationError("--detach: cannot make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let arguments = [executable] + CommandLine.arguments.dropFirst().filter { $0 != "--detach" }
        var argv = arguments.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
        close(fds[1])
        guard spawned == 0 else { throw ValidationError("--detach: cannot start \(executable): \(String(cString: strerror(spawned)))") }
        let out = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.availableData
            if chunk.isEmpty {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 1
                Foundation.exit(code == 0 ? 1 : code)
            }
            line.append(chunk)
        }
        let url = String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        FileHandle.standardOutput.write(Data("\(url) (pid \(pid))\n".utf8))
        Foundation.exit(0)
    }
}
