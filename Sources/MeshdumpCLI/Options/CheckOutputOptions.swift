import ArgumentParser
import MeshDump

/// How `check` reports: `-o`, `--fail-on` and `--color`.
struct CheckOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Output format: text, json, sarif, or secrets (the Secrets the target needs and the sources lack, one namespace/name per line).", valueName: "format"))
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Exit 1 when a finding is at least this severe: error, warning or info.", valueName: "severity"))
    var failOn: Finding.Severity = .warning

    @Option(help: ArgumentHelp("Colour: auto (when standard output is a terminal), always or never.", valueName: "when"))
    var color: ColorMode = .auto
}

extension CheckFormat: ExpressibleByArgument {}
extension Finding.Severity: ExpressibleByArgument {}
