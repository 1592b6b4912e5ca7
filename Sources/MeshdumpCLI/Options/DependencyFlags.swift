import ArgumentParser
import MeshDump

/// `--with-namespaces` and `--with-secrets`: what export pulls in beside the kinds asked for.
struct DependencyFlags: ParsableArguments {
    @Flag(help: "Also export the Namespace of every exported object, under _cluster/namespaces/.")
    var withNamespaces = false

    @Flag(help: ArgumentHelp("Also export every Secret an exported Gateway or DestinationRule names in credentialName (files of mode 0600; never printed).",
                             discussion: "A Gateway's Secrets are looked up where Istio looks: in the namespace of the gateway workload, the Pods its selector selects."))
    var withSecrets = false

    var given: Bool { withNamespaces || withSecrets }
    var options: DependencyOptions { DependencyOptions(namespaces: withNamespaces, secrets: withSecrets) }
}
