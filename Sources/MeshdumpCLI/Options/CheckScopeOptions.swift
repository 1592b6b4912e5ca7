import ArgumentParser
import MeshDump

/// What `check` reports: `--kinds`, `-n` and `--disable` (the other objects stay context).
struct CheckScopeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report only objects of these kinds (comma-separated: vs,gw,dr); the rest stay context.", valueName: "kind,..."))
    var kinds: String?

    @Option(name: [.customShort("n"), .customLong("namespace")],
            help: ArgumentHelp("Report only objects in this namespace; the first is the namespace of objects without one. Repeatable.", valueName: "namespace"))
    var namespaces: [String] = []

    @Option(help: ArgumentHelp("Do not run this analyzer, or drop findings with this code. Repeatable.", valueName: "analyzer|code"))
    var disable: [String] = []

    /// The objects findings are reported for; throws on a kind name no one knows.
    func findingScope() throws -> FindingScope {
        let selection = try kinds.map { try KindSelection(parsing: [$0]) }
        try selection?.requireKnownNames()
        return FindingScope(kinds: selection, namespaces: Set(namespaces))
    }
}
