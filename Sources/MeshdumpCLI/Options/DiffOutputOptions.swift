import ArgumentParser
import MeshDump

/// How `diff` prints: `-o` and `--color`.
struct DiffOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Output format: text, json, unified or stat.", valueName: "format"))
    var format: DiffFormat = .text

    @Option(help: ArgumentHelp("Colour: auto (when standard output is a terminal), always or never.", valueName: "when"))
    var color: ColorMode = .auto
}
