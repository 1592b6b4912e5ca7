import ArgumentParser
import MeshDumpKube

/// `--kubeconfig`, `--context` and `--request-timeout`, as kubectl takes them.
struct ClusterOptions: ParsableArguments {
    @Option(help: "The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "A kubeconfig context (default: the current one). Repeatable: each into DIR/<context>/.")
    var contexts: [String] = []

    @Option(help: "How long one request to the API server may take, its answer included: whole seconds, or 30s, 2m, 1h; 0 for no limit.")
    var requestTimeout = "60s"

    func validate() throws {
        _ = try clientOptions()
    }

    /// How the client talks to the API server, as these options ask.
    func clientOptions() throws -> ClientOptions {
        var options = ClientOptions()
        do {
            options.requestTimeout = try RequestTimeout.parse(requestTimeout)
        } catch {
            throw ValidationError(error.description)
        }
        return options
    }
}
