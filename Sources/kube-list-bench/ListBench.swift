#if canImport(Glibc)
import Glibc
#endif
import MeshDumpCore
import MeshDumpKube

/// `kube-list-bench --kubeconfig PATH [--resource virtualservices] [--repeat N] [--page-size N]`:
/// lists one kind cluster-wide N times, decoding every object and nothing else, and prints
/// objects per second for each run and the process's peak RSS.
@main
struct ListBench {
    static func main() async throws {
        var arguments = CommandLine.arguments.dropFirst()
        var kubeconfig: String?, resource = "virtualservices", repeats = 3, pageSize = 500
        while let flag = arguments.popFirst() {
            switch flag {
            case "--kubeconfig": kubeconfig = arguments.popFirst()
            case "--resource": resource = arguments.popFirst() ?? resource
            case "--repeat": repeats = arguments.popFirst().flatMap { Int($0) } ?? repeats
            case "--page-size": pageSize = arguments.popFirst().flatMap { Int($0) } ?? pageSize
            default:
                print("usage: kube-list-bench --kubeconfig PATH [--resource NAME] [--repeat N] [--page-size N]")
                exit(2)
            }
        }
        let connection = try ClusterConnection.load(kubeconfig: kubeconfig)
        var options = ClientOptions()
        options.pageSize = pageSize
        try await KubeClient.with(connection, options: options) { client in
            let discovery = try await client.discover(IstioKinds.all)
            guard let kind = discovery.served.first(where: { $0.resource == resource }) else {
                print("\(resource) is not served")
                exit(1)
            }
            for run in 1...repeats {
                let clock = ContinuousClock()
                var objects = 0
                var fields = 0
                let start = clock.now
                let result = try await client.list(kind, diagnostics: StderrSink()) { object in
                    objects += 1
                    fields += object.value["spec"]?.mappingValue?.count ?? 0
                }
                let elapsed = clock.now - start
                let seconds = elapsed.seconds
                guard result.succeeded else { print("failed: \(result.error!)"); exit(1) }
                print("run \(run): \(objects) objects in \(result.pages) pages, \((seconds * 1000).rounded() / 1000) s, \(Int(Double(objects) / seconds)) objects/s (spec fields seen: \(fields))")
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS: \(usage.ru_maxrss / 1024) MB")
    }
}

/// Prints warnings on standard error.
struct StderrSink: DiagnosticSink {
    func report(_ diagnostic: Diagnostic) {
        let line = Array("\(diagnostic)\n".utf8)
        _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }
}
