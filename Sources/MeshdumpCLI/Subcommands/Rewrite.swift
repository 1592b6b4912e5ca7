import ArgumentParser
import MeshDump
import MeshDumpCore

/// `meshdump rewrite`: applies rules files to a tree, a file, standard input or a cluster.
struct Rewrite: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Rewrite objects for their new mesh: namespace moves with every reference followed, hosts, gateways, labels, JSON Patch.",
        discussion: discussion("""
            SRC is a tree (read recursively), a file, - for standard input, or cluster:[CONTEXT] \
            for a live cluster. Every object is neated as export neats it (--no-neat keeps raw \
            objects), then rewritten, and written as a tree in export's layout \
            (<dir>/<namespace>/<resource>/<name>.yaml) or printed as one stream (-o yaml|json), \
            atomically: on any error nothing is written. A per-rule report goes to standard \
            error. --dry-run prints what would change, as `meshdump diff` text. Exit 0 on success, \
            1 on failure (or unmatched rules with --strict), 2 for bad usage or an invalid rules \
            file. The rules file syntax: \(Invocation.commandName) help rules.
            """)
    )

    static let examples = """
          # Move namespaces into a new tree, every reference followed
          meshdump rewrite --rules rules/namespace-move.yaml data -d data-new

          # What would change, as diff text, writing nothing
          meshdump rewrite --rules rules/namespace-move.yaml data --dry-run

          # A raw kubectl dump, rewritten and applied
          kubectl get vs -A -o yaml | meshdump rewrite --rules rules/hosts-and-gateways.yaml - -o yaml | kubectl apply -f -
        """

    @Argument(help: ArgumentHelp("A tree, a file, - for standard input, or cluster:[CONTEXT].", valueName: "SRC"), completion: .file())
    var source: String

    @OptionGroup(title: "Rewrite")
    var rules: RulesOptions

    @Flag(help: "Rewrite objects as they are, without neating them first.")
    var noNeat = false

    @OptionGroup(title: "Output")
    var output: TreeOutputOptions

    @Flag(help: "Rewrite SRC's tree in place (atomically).")
    var inPlace = false

    @Flag(help: "Print what would change, as `meshdump diff` text, and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Colour the --dry-run output: auto, always or never.", valueName: "when"))
    var color: ColorMode = .auto

    @OptionGroup(title: "Cluster")
    var cluster: ClusterSourceOptions

    func validate() throws {
        if rules.files.isEmpty { throw ValidationError("give at least one --rules <file>") }
        let format = try output.format(command: "rewrite")
        let targets = [output.dir != nil, format != nil, inPlace, dryRun].filter { $0 }.count
        if targets == 0 { throw ValidationError("give -d <dir>, -o yaml|json, --in-place or --dry-run") }
        if targets > 1 { throw ValidationError("-d, -o, --in-place and --dry-run are exclusive") }
        if inPlace && (source == "-" || FileKind(path: source) != .directory) {
            throw ValidationError("--in-place needs SRC to be a tree (a directory), not \(source == "-" ? "standard input" : "a file or a cluster")")
        }
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let run: RewriteRun
        var sink: (any ObjectSink)?
        do {
            let spec = try SourceSpec(parsing: source)
            if !spec.isCluster && cluster.given { throw UsageError("--context and --kubeconfig apply to a cluster: SRC") }
            if case .path(let path) = spec, let dir = output.dir, path != "-" { try RewriteRun.checkOutput(dir, source: path) }
            run = RewriteRun(source: try cluster.resolver(diagnostics: diagnostics).source(for: spec), rules: try RuleSet.load(paths: rules.files),
                             strict: rules.strict, neat: !noNeat)
            if !dryRun { sink = try output.sink(command: "rewrite", defaultDir: inPlace ? source : nil) }
        } catch {
            fail("\(error)", code: 2)
        }
        guard let sink else { return await preview(run, diagnostics: diagnostics) }
        let result: (report: RuleReport, written: Bool)
        do {
            result = try await run.run(into: sink, diagnostics: diagnostics)
        } catch {
            fail("\(error)")
        }
        Terminal.standardError.write(result.report.lines().joined(separator: "\n") + "\n")
        if !result.written {
            fail("nothing was written: fix the errors above", code: 1)
        }
        RunEnd.exit(diagnostics)
    }
}

extension Rewrite {
    /// `--dry-run`: the diff on standard output, the report on standard error.
    func preview(_ run: RewriteRun, diagnostics: DiagnosticCollector) async {
        let preview: (diff: DiffResult, report: RuleReport)
        var bytes: [UInt8] = []
        do {
            preview = try await run.preview(diagnostics: diagnostics)
            try DiffFormat.text.render(preview.diff, colored: color.isOn(for: .standardOutput), to: &bytes)
        } catch {
            fail("\(error)")
        }
        Terminal.standardOutput.write(bytes)
        Terminal.standardError.write(preview.report.lines().joined(separator: "\n") + "\n")
        RunEnd.exit(diagnostics)
    }
}
