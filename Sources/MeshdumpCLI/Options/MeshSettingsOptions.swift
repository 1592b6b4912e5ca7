import ArgumentParser
import MeshDump

/// The mesh `check` checks against: `--mesh-config`, `--root-namespace`, `--trust-domain`,
/// `--revision` and `--crds`.
struct MeshSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A MeshConfig file, or the istio ConfigMap.", valueName: "file"), completion: .file())
    var meshConfig: String?

    @Option(help: ArgumentHelp("The mesh's root namespace (default: the mesh config's, else istio-system).", valueName: "namespace"))
    var rootNamespace: String?

    @Option(help: ArgumentHelp("The mesh's trust domain (default: the mesh config's, else cluster.local).", valueName: "domain"))
    var trustDomain: String?

    @Option(help: ArgumentHelp("The control plane revision the tree is for (its ConfigMap is istio-REV).", valueName: "revision"))
    var revision: String?

    @Option(help: ArgumentHelp("CustomResourceDefinitions to check objects against, as the API server would (e.g. Istio's crd-all.gen.yaml): a file or directory. Repeatable.", valueName: "file"), completion: .file())
    var crds: [String] = []

    /// What the flags set, winning over any mesh config.
    var overrides: MeshOverrides { MeshOverrides(rootNamespace: rootNamespace, trustDomain: trustDomain, revision: revision) }
}
