import ArgumentParser
import MeshDump

/// Where export and rewrite put their objects: a tree (`-d DIR`), or a stream on standard
/// output (`-o yaml|json`, as kubectl's `-o`).
struct TreeOutputOptions: ParsableArguments {
    @Option(name: [.customShort("d"), .customLong("dir")], help: ArgumentHelp("The tree to write.", valueName: "dir"), completion: .directory)
    var dir: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Print the objects to standard output as one yaml or json stream instead of writing a tree.",
                                                    valueName: "format"))
    var output: String?

    @Flag(help: "Replace the tree even if meshdump did not write it (or would empty it).")
    var force = false

    /// `-o`'s format; `-o` naming a folder (the old spelling) is an error naming `-d`.
    func format(command: String) throws -> ObjectFormat? {
        guard let output else { return nil }
        guard let format = ObjectFormat(rawValue: output) else {
            throw ValidationError("-o is the output format (yaml or json), as in kubectl; a tree is written with -d: \(Invocation.commandName) \(command) -d \(output)")
        }
        if dir != nil { throw ValidationError("-d writes a tree and -o \(output) prints a stream: give one") }
        return format
    }

    /// The sink: the tree at `-d` (or `defaultDir`), or the stream `-o` asks for.
    func sink(command: String, defaultDir: String?) throws -> any ObjectSink {
        if let format = try format(command: command) {
            return try StreamWriter(format: format) { Terminal.standardOutput.write($0) }
        }
        guard let dir = dir ?? defaultDir else { throw ValidationError("give -d <dir> or -o yaml|json") }
        return try TreeWriter(root: dir, force: force)
    }
}
