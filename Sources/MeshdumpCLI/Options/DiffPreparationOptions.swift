import ArgumentParser

/// How `diff` prepares both sides before comparing them: `--rules` and `--no-neat`.
struct DiffPreparationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Compare OLD as the mappings of these rules files (namespaces, hosts, gateways, …) would rewrite it. Repeatable.",
                               valueName: "file"), completion: .file())
    var rules: [String] = []

    @Flag(help: "Compare objects as they are, without neating them first.")
    var noNeat = false
}
