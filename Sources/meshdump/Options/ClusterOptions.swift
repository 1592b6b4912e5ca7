import ArgumentParser

/// `--kubeconfig` and `--context`, as kubectl takes them.
struct ClusterOptions: ParsableArguments {
    @Option(help: "The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "A kubeconfig context (default: the current one). Repeatable: each into DIR/<context>/.")
    var contexts: [String] = []
}
