import ArgumentParser

/// What `diff` compares: `--kinds`, `-n` and `--ignore`.
struct DiffScopeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Compare only these kinds (vs,gw,DestinationRule).", valueName: "kind,..."))
    var kinds: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: ArgumentHelp("Compare only this namespace. Repeatable.", valueName: "namespace"))
    var namespaces: [String] = []

    @Option(help: ArgumentHelp("Leave out fields matching this path (* wildcards: metadata.annotations.*, spec.http[*].timeout). Repeatable.",
                               valueName: "path"))
    var ignore: [String] = []

    func validate() throws {
        try NamespaceNames.validate(namespaces)
    }
}
