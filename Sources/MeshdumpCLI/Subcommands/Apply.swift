import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpKube
import MeshDumpSources

/// `meshdump apply`: a tree, files, standard input or another cluster into a cluster, all or nothing.
struct Apply: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a tree to a cluster all or nothing, by server-side apply, pruning with an ApplySet.",
        discussion: discussion("""
            SOURCE is a tree, a file, - for standard input, or cluster:CONTEXT to sync another \
            cluster's mesh (listed as export lists it). Every object is neated and --rules run. \
            In phases: every object is read and checked (any error: exit 2 before any request); \
            the target must serve every kind and version and hold every namespace \
            (--create-namespaces creates them first); the server dry-runs every object, and if \
            it refuses any, each refusal is printed and nothing is changed; then the ApplySet \
            parent, the objects, and with --prune the set's members the source no longer holds \
            are deleted (uid preconditions). --dry-run stops after the server's dry run and \
            prints the plan as `meshdump diff` text. Exit status: 0 all applied, 1 any failure \
            or refusal, 2 bad usage, configuration or input.
            """)
    )

    static let examples = """
          # A rewritten tree into the new mesh, what the server would change first
          meshdump apply migrated/ --context new --dry-run

          # Apply and prune what the tree no longer holds, creating missing namespaces
          meshdump apply migrated/ --context new --prune --applyset mesh --create-namespaces

          # Keep the new mesh in step with the old one during the coexistence period
          meshdump apply cluster:old --rules rules/tcm-to-istio.yaml --context new --prune --applyset mesh
        """

    @Argument(help: ArgumentHelp("A tree, a file, - for standard input, or cluster:CONTEXT.", valueName: "SOURCE"), completion: .file())
    var source: String

    @OptionGroup(title: "Target")
    var target: TargetClusterOptions

    @OptionGroup(title: "What to apply")
    var selection: SelectionOptions

    @OptionGroup(title: "Rewrite")
    var rules: RulesOptions

    @Flag(help: "Stop after the server's dry run: print what would change, as `meshdump diff` text, and change nothing.")
    var dryRun = false

    @Flag(help: "Delete the ApplySet's members that SOURCE no longer holds (needs --applyset).")
    var prune = false

    @Option(help: ArgumentHelp("The ApplySet: the name of its parent Secret.", valueName: "name"))
    var applyset: String?

    @Option(help: ArgumentHelp("The namespace of the ApplySet's parent Secret.", valueName: "namespace"))
    var applysetNamespace = "istio-system"

    @Option(help: ArgumentHelp("The field manager that owns what is applied.", valueName: "name"))
    var fieldManager = "meshdump"

    @Flag(help: "Take fields other field managers own, and objects of the same identity outside the ApplySet.")
    var forceConflicts = false

    @Flag(help: "Create namespaces the objects need that the target lacks, before the dry run (from SOURCE's Namespace objects when it has them).")
    var createNamespaces = false

    @Option(help: ArgumentHelp("Objects sent at once.", valueName: "n"))
    var concurrency = 8

    @Option(name: .shortAndLong, help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var output: ApplyFormat = .text

    @Option(help: ArgumentHelp("Colour the --dry-run plan: auto, always or never.", valueName: "when"))
    var color: ColorMode = .auto

    func validate() throws {
        if prune && applyset == nil { throw ValidationError("--prune needs --applyset <name>: the set whose members may be deleted") }
        if applyset != nil && !prune { throw ValidationError("--applyset names the set to prune: give --prune too") }
        if applyset?.isEmpty == true || applysetNamespace.isEmpty { throw ValidationError("--applyset and --applyset-namespace need a name") }
        if prune && (!selection.kinds.isEmpty || !selection.namespaces.isEmpty || !selection.excludeNamespace.isEmpty || selection.selector != nil) {
            throw ValidationError("--prune needs the whole set: with --kinds, -n, --exclude-namespace or -l the objects left out would be pruned")
        }
        if fieldManager.isEmpty { throw ValidationError("--field-manager needs a name") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let run: ApplyRun
        do {
            let spec = try SourceSpec(parsing: source)
            let stages = StageChain([MeshDump.Neat()] + (try rules.stage(diagnostics: diagnostics).map { [$0] } ?? []))
            let settings = ApplySettings(fieldManager: fieldManager, forceConflicts: forceConflicts, dryRun: dryRun,
                                         createNamespaces: createNamespaces, concurrency: concurrency,
                                         applySet: applyset.map { ApplySetParent.secret(named: $0, namespace: applysetNamespace) },
                                         tooling: .meshdump(version: Version.number))
            run = ApplyRun(source: try target.sourceResolver(diagnostics: diagnostics).source(for: spec),
                           request: ReadRequest(filter: try selection.filter(), droppedFields: MeshDump.Neat.droppedFields),
                           stages: stages, target: try target.connection(), clientOptions: try target.clientOptions(), settings: settings)
        } catch {
            fail("\(error)", code: 2)
        }
        let progress = Progress(enabled: Terminal.standardError.isTTY)
        let report: ApplyReport
        do {
            report = try await run.run(diagnostics: diagnostics) { progress.update($0.description) }
        } catch {
            progress.clear()
            fail("\(error)", code: error is ApplyInputError || error is UsageError ? 2 : 1)
        }
        progress.clear()
        print(report)
        RunEnd.exit(diagnostics, failed: report.exitCode != 0)
    }

    /// The report on standard output, a piece at a time; after a refusal, a last word on
    /// standard error.
    private func print(_ report: ApplyReport) {
        let write = { (bytes: [UInt8]) in Terminal.standardOutput.write(bytes) }
        do {
            switch output {
            case .json: try report.writeJSON(write)
            case .text:
                if let plan = report.plan {
                    var bytes: [UInt8] = []
                    try DiffFormat.text.render(plan, colored: color.isOn(for: .standardOutput), to: &bytes)
                    write(bytes)
                } else if report.result != .refused {
                    report.writeText(write)
                }
            }
        } catch {
            fail("\(error)")
        }
        if report.result == .refused {
            let namespaces = report.createdNamespaces.isEmpty ? "" : " but the namespaces --create-namespaces created (\(report.createdNamespaces.joined(separator: ", ")))"
            Terminal.standardError.write("\(Invocation.commandName): error: nothing was applied to \(report.target)\(namespaces)\n")
        }
    }
}

/// `apply -o`: text for people, json for programs.
enum ApplyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
