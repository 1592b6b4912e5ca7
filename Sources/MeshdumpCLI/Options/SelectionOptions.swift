import ArgumentParser
import MeshDump
import MeshDumpCore

/// Which objects a command looks at: `--kinds`, `-n`, `--exclude-namespace`, `-l`, as kubectl
/// spells them.
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Kinds: resource, kind or short names, comma-separated (default: the eleven kinds of kubedump.sh; all-istio adds every *.istio.io kind).",
                               valueName: "kind,..."))
    var kinds: [String] = []

    @Option(name: [.customShort("n"), .customLong("namespace")], help: ArgumentHelp("Only this namespace. Repeatable.", valueName: "namespace"))
    var namespaces: [String] = []

    @Option(help: ArgumentHelp("Leave out namespaces matching this glob (team-*, kube-?). Repeatable.", valueName: "glob"))
    var excludeNamespace: [String] = []

    @Option(name: [.customShort("l"), .customLong("selector")], help: ArgumentHelp("Only objects whose labels match (as kubectl -l: app=x,tier!=db).", valueName: "selector"))
    var selector: String?

    /// The filter; `defaultKinds` fills in `--kinds` when it was not given (export's eleven),
    /// else every kind is selected.
    func filter(defaultKinds: KindSelection? = nil) throws -> ObjectFilter {
        ObjectFilter(kinds: kinds.isEmpty ? defaultKinds : try KindSelection(parsing: kinds),
                     namespaces: namespaces.isEmpty ? nil : Set(namespaces),
                     excludedNamespaces: try excludeNamespace.map { try Glob($0) },
                     labelSelector: try selector.map { try LabelSelector(parsing: $0) })
    }
}
