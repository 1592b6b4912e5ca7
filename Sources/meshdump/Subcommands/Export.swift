import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpKube

/// `meshdump export`: the whole mesh from the API server (or dumps) into an apply-ready tree.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export Istio configuration into a tree of YAML files, one object per file.",
        discussion: """
            Lists each kind cluster-wide with paging (per namespace where RBAC forbids that), neats \
            every object, applies --rules, and writes DIR/<namespace>/<resource>/<name>.yaml. The \
            new tree replaces DIR only when every kind succeeded. Exit status: 0 complete, 1 \
            partial or failed, 2 bad usage or configuration.
            """
    )

    @Option(name: .shortAndLong, help: "The tree to write.")
    var output = "data"

    @OptionGroup(title: "Cluster")
    var cluster: ClusterOptions

    @Flag(help: "Export every context of the kubeconfig, each into DIR/<context>/.")
    var allContexts = false

    @Option(name: .customLong("from"), help: "Export from `kubectl get -o json|yaml` dumps or directories instead of a cluster. Repeatable.")
    var from: [String] = []

    @Option(help: "Kinds: resource, kind or short names, comma-separated (default: the eleven kinds of kubedump.sh; all-istio adds every *.istio.io kind).")
    var kinds: [String] = []

    @Option(name: .shortAndLong, help: "Only namespaces with this name. Repeatable.")
    var namespace: [String] = []

    @Option(help: "Leave out namespaces matching this glob. Repeatable.")
    var excludeNamespace: [String] = []

    @Option(name: [.customShort("l"), .customLong("selector")], help: "Only objects whose labels match this selector (as kubectl -l).")
    var selector: String?

    @Option(help: "A rules file for the rewrite stage between neat and write. Repeatable.")
    var rules: [String] = []

    @Flag(help: "With --rules: rules or mapping entries that match nothing are errors, not warnings.")
    var strict = false

    @Option(help: "Kinds listed at once.")
    var concurrency = 4

    @Flag(help: "Replace DIR even if meshdump did not write it.")
    var force = false

    @Flag(help: "Write what succeeded even when some kinds failed (the exit status is still 1).")
    var allowPartial = false

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        try NamespaceNames.validate(namespace)
        if !from.isEmpty && (allContexts || !cluster.contexts.isEmpty || cluster.kubeconfig != nil) {
            throw ValidationError("--from reads dumps, not a cluster: it cannot be combined with --kubeconfig, --context or --all-contexts")
        }
        for path in from where path != "-" && FileKind(path: path) == .missing {
            throw ValidationError("--from \(path): no such file or directory")
        }
        if allContexts && !cluster.contexts.isEmpty {
            throw ValidationError("--all-contexts and --context cannot be combined")
        }
    }

    func run() async throws {
        let diagnostics = StandardErrorDiagnostics()
        let request: ExportRequest
        let ruleStage: RuleStage?
        let targets: [ExportRun.Target]
        do {
            request = ExportRequest(
                kinds: kinds.isEmpty ? KindSelection() : try KindSelection(parsing: kinds),
                filter: ObjectFilter(namespaces: namespace.isEmpty ? nil : Set(namespace),
                                     excludedNamespaces: try excludeNamespace.map { try Glob($0) },
                                     labelSelector: try selector.map { try LabelSelector(parsing: $0) }),
                concurrency: concurrency,
                droppedFields: MeshDump.Neat.droppedFields)
            ruleStage = rules.isEmpty ? nil : RuleStage(rules: try RuleSet.load(paths: rules), diagnostics: diagnostics)
            targets = from.isEmpty
                ? try ClusterExportSource.targets(kubeconfig: cluster.kubeconfig, contexts: cluster.contexts,
                                                  allContexts: allContexts, options: try cluster.clientOptions(), diagnostics: diagnostics)
                : [ExportRun.Target(source: DumpSource(paths: from))]
        } catch {
            fail("\(error)", code: 2)
        }
        var run = ExportRun(output: output, force: force, allowPartial: allowPartial,
                            stages: StageChain([MeshDump.Neat()] + (ruleStage.map { [$0] } ?? [])))
        if let ruleStage {
            // Rules or entries that matched nothing: warnings, or with --strict errors that keep the old tree.
            run.finalCheck = { [strict] in
                let unmatched = ruleStage.report.unmatched(strict: strict)
                unmatched.forEach(diagnostics.report)
                return unmatched.contains { $0.severity == .error } ? "--strict: rules or entries matched nothing" : nil
            }
        }
        let progress = Progress(enabled: Terminal.standardError.isTTY)
        let report: ExportReport
        do {
            report = try await run.run(targets, request: request) { progress.update("exporting: \($0) objects written") }
        } catch let error as TreeError {
            progress.clear()
            fail("\(error)", code: 2)
        } catch {
            progress.clear()
            fail("\(error)")
        }
        progress.clear()
        if let ruleStage { Terminal.standardError.write(ruleStage.report.lines().joined(separator: "\n") + "\n") }
        Terminal.standardError.write(report.summary)
        if !report.complete { throw ExitCode(1) }
    }
}
