import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpSources

/// `meshdump export`: the whole mesh from the API server (or dumps) into an apply-ready tree.
struct Export: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export Istio configuration into a tree of YAML files, one object per file.",
        discussion: discussion("""
            Lists each kind cluster-wide with paging (per namespace where RBAC forbids that), neats \
            every object, applies --rules, and writes <dir>/<namespace>/<resource>/<name>.yaml, or \
            with -o yaml|json prints one stream. The new tree replaces <dir> (or the stream is \
            printed) only when every kind succeeded. Exit status: 0 complete, 1 partial or failed, \
            2 bad usage or configuration.
            """)
    )

    static let examples = """
          # The current context's eleven kinds into data/, as kubedump.sh would
          meshdump export

          # Two kinds of two namespaces, moved to the new mesh's names on the way
          meshdump export -d prod --kinds vs,dr -n payments -n checkout --rules rules/tcm-to-istio.yaml

          # From a `kubectl get -o json` dump, straight into kubectl
          meshdump export --from testdata/cluster/istio-dump.json -o yaml | kubectl apply --dry-run=client -f -
        """

    @OptionGroup(title: "What to export")
    var selection: SelectionOptions

    @Option(name: .customLong("from"), help: ArgumentHelp("Export from `kubectl get -o json|yaml` dumps or folders instead of a cluster. Repeatable.",
                                                          valueName: "path"), completion: .file())
    var from: [String] = []

    @OptionGroup(title: "Cluster")
    var cluster: ClusterOptions

    @OptionGroup(title: "Output")
    var output: TreeOutputOptions

    @Flag(help: "Write what succeeded even when some kinds failed, keeping the previous files of those (the exit status is still 1).")
    var allowPartial = false

    @OptionGroup(title: "Dependencies")
    var dependencies: DependencyFlags

    @OptionGroup(title: "Rewrite")
    var rules: RulesOptions

    func validate() throws {
        if !from.isEmpty && cluster.given {
            throw ValidationError("--from reads dumps, not a cluster: it cannot be combined with --kubeconfig, --context or --all-contexts")
        }
        for path in from where path != "-" && FileKind(path: path) == .missing {
            throw ValidationError("--from \(path): no such file or directory")
        }
        if try output.format(command: "export") != nil && (cluster.allContexts || cluster.contexts.count > 1) {
            throw ValidationError("-o prints one stream; export several contexts into a tree with -d")
        }
        if let format = try output.format(command: "export"), dependencies.withSecrets {
            throw ValidationError("--with-secrets writes Secrets into a tree with -d (files of mode 0600); -o \(format.rawValue) would print their values")
        }
        if dependencies.given && from.contains("-") {
            throw ValidationError("--with-namespaces and --with-secrets read the inputs twice, which standard input cannot be: give files to --from")
        }
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let progress = Progress(enabled: Terminal.standardError.isTTY)
        let board = ListingBoard(verb: "exporting")
        let listed: ListingProgressHandler = { listing in
            board.record(listing)
            // Kinds are announced as waiting all at once: draw once they start.
            if listing.state != .waiting { progress.update(board.line()) }
        }
        let run: ExportRun
        let request: ReadRequest
        let ruleStage: RuleStage?
        let targets: [ExportRun.Target]
        do {
            request = ReadRequest(filter: try selection.filter(defaultKinds: KindSelection()), concurrency: cluster.concurrency,
                                  droppedFields: MeshDump.Neat.droppedFields,
                                  progress: progress.enabled ? listed : nil)
            ruleStage = try rules.stage(diagnostics: diagnostics)
            targets = from.isEmpty
                ? try ClusterSource.targets(kubeconfig: cluster.kubeconfig, contexts: cluster.contexts,
                                            allContexts: cluster.allContexts, options: try cluster.requests.clientOptions(),
                                            diagnostics: diagnostics)
                : [ExportRun.Target(source: FileSource(paths: from, name: "dumps"))]
            run = ExportRun(sink: try output.sink(command: "export", defaultDir: "data"), force: output.force, allowPartial: allowPartial,
                            stages: StageChain([MeshDump.Neat()] + (ruleStage.map { [$0] } ?? [])), dependencies: dependencies.options)
        } catch {
            fail("\(error)", code: 2)
        }
        let report: ExportReport
        do {
            report = try await run.run(targets, request: request, diagnostics: diagnostics) { written in
                guard progress.enabled else { return }
                board.written(written)
                progress.update(board.line())
            }
        } catch {
            progress.clear()
            fail("\(error)", code: error is KindSelectionError || error is UsageError ? 2 : 1)
        }
        progress.clear()
        if let ruleStage { Terminal.standardError.write(ruleStage.report.lines().joined(separator: "\n") + "\n") }
        Terminal.standardError.write(report.summary)
        RunEnd.exit(diagnostics, failed: !report.complete)
    }
}
