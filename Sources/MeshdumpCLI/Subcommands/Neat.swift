import ArgumentParser
import MeshDump

/// `meshdump neat`: a drop-in for `kubectl neat` that never changes what an object means.
struct Neat: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "neat",
        abstract: "Remove server-owned fields from Kubernetes objects, keeping everything that has meaning.",
        discussion: discussion("""
            Reads objects from standard input, or from each -f PATH (a file, a directory read \
            recursively, or - for standard input). YAML (one or more documents) and JSON (one \
            value or a stream) are told apart by content; Lists are flattened. Prints one document \
            per object, in the input's format unless -o says otherwise.
            """)
    )

    static let examples = """
          # What kubectl-neat does, without changing what any object means
          kubectl get vs -A -o yaml | meshdump neat > vs.yaml

          # Dumps and folders, as JSON
          meshdump neat -f testdata/cluster/istio-dump.json -f testdata/export/expected -o json

          # One object, from standard input
          kubectl get vs reviews -n team-a -o json | meshdump neat -f -
        """

    @Option(name: .shortAndLong, help: ArgumentHelp("A file, a directory (read recursively) or - for standard input. Repeatable.", valueName: "path"),
            completion: .file())
    var filename: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Output format: yaml or json (default: the input's).", valueName: "format"))
    var output: ObjectFormat?

    func run() throws {
        do {
            let result = try NeatRun(paths: filename, format: output).run()
            Terminal.standardOutput.write(result.output)
            for line in result.skippedLines { Terminal.standardError.write("\(Invocation.commandName): \(line)\n") }
        } catch {
            fail("\(error)")
        }
    }
}

extension ObjectFormat: ExpressibleByArgument {}
