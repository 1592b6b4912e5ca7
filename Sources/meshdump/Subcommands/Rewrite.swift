import ArgumentParser
import MeshDump
import MeshDumpCore

/// `meshdump rewrite`: applies rules files to a tree, a file, standard input or a cluster.
struct Rewrite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Rewrite objects for their new mesh: namespace moves with every reference followed, hosts, gateways, labels, JSON Patch.",
        discussion: """
            SRC is a tree (read recursively), a file, - for standard input, or cluster:[CONTEXT] \
            for a live cluster. Every object is neated as export neats it (--no-neat keeps raw \
            objects), then rewritten. The result is written as a tree in export's layout \
            (DST/<namespace>/<resource>/<name>.yaml), atomically: on any error nothing is \
            written. A per-rule report goes to standard error. --dry-run prints what would \
            change, as `meshdump diff` text, and writes nothing. Exit 0 on success, 1 on failure \
            (or unmatched rules with --strict), 2 for bad usage or an invalid rules file.
            """
    )

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules file (kind: Rules). Repeatable; applied in order.", valueName: "FILE"))
    var rulesFiles: [String] = []

    @Argument(help: ArgumentHelp("A tree, a file, - for standard input, or cluster:[CONTEXT].", valueName: "SRC"))
    var source: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The tree to write.", valueName: "DST"))
    var output: String?

    @Flag(help: "Rewrite SRC's tree in place (atomically).")
    var inPlace = false

    @Flag(help: "Make a rule or mapping entry that matched nothing an error.")
    var strict = false

    @Flag(help: "Replace DST even if it is a non-empty directory meshdump did not write.")
    var force = false

    @Flag(help: "Print what would change, as `meshdump diff` text, and write nothing.")
    var dryRun = false

    @Flag(help: "Rewrite objects as they are, without neating them first.")
    var noNeat = false

    @Option(help: "Colour the --dry-run output: auto, always or never.")
    var color: ColorMode = .auto

    @OptionGroup(title: "Cluster")
    var cluster: ClusterSourceOptions

    func validate() throws {
        if rulesFiles.isEmpty { throw ValidationError("give at least one --rules FILE") }
        if inPlace && output != nil { throw ValidationError("--in-place and -o are exclusive") }
        if !inPlace && output == nil && !dryRun { throw ValidationError("give -o DST, --in-place or --dry-run") }
        if inPlace && (source == "-" || FileKind(path: source) != .directory) {
            throw ValidationError("--in-place needs SRC to be a tree (a directory), not \(source == "-" ? "standard input" : "a file or a cluster")")
        }
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let run: RewriteRun
        do {
            let spec = try SourceSpec(parsing: source)
            if !spec.isCluster && cluster.given { throw UsageError("--context and --kubeconfig apply to a cluster: SRC") }
            if case .path(let path) = spec, let output, path != "-" { try RewriteRun.checkOutput(output, source: path) }
            run = RewriteRun(source: try cluster.resolver(diagnostics: diagnostics).source(for: spec), rules: try RuleSet.load(paths: rulesFiles),
                             output: inPlace ? source : output ?? "", force: force, strict: strict, neat: !noNeat)
        } catch {
            fail("\(error)", code: 2)
        }
        if dryRun { return await preview(run, diagnostics: diagnostics) }
        let result: (report: RuleReport, written: Bool)
        do {
            result = try await run.run(diagnostics: diagnostics)
        } catch let error as TreeError {
            fail("\(error)", code: 2)
        } catch {
            fail("\(error)")
        }
        Terminal.standardError.write(result.report.lines().joined(separator: "\n") + "\n")
        if !result.written {
            fail("nothing was written: fix the errors above", code: 1)
        }
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
        if diagnostics.hasErrors { Terminal.exit(1) }
    }
}
