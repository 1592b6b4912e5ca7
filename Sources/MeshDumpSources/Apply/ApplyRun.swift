import MeshDump
import MeshDumpCore
import MeshDumpKube

/// `meshdump apply`: puts a source's objects (a tree, files, standard input, or another
/// cluster) into a target cluster by server-side apply, all or nothing, in four phases:
///
/// 1. Read and check every object (neat, the rules, the ApplySet label), spooling them to disk:
///    any problem throws `ApplyInputError` before any request.
/// 2. Check the target: every kind and version served, every namespace there (or created with
///    `--create-namespaces`), the ApplySet's parent meshdump's, no object taken over; list what
///    the target holds of those kinds once.
/// 3. A server-side dry run of the parent and of every object: if the server refuses any,
///    every refusal is reported and nothing is changed.
/// 4. (Not with `--dry-run`.) The parent first, recording the old and new scope; the objects;
///    then, when all went in, prune with uid preconditions and the parent with the new scope.
///
/// Memory holds one small `ApplyEntry` per object; the objects wait in the spool, as the
/// configurations the dry run and the apply send.
public struct ApplyRun: Sendable {
    public var source: any ObjectSource
    /// Which objects of the source (the filter), read how.
    public var request: ReadRequest
    /// Neat and the rules, run on every object as export runs them.
    public var stages: any ObjectStage
    public var target: ClusterConnection
    public var clientOptions: ClientOptions
    public var settings: ApplySettings

    public init(source: any ObjectSource, request: ReadRequest, stages: any ObjectStage, target: ClusterConnection,
                clientOptions: ClientOptions = ClientOptions(), settings: ApplySettings) {
        self.source = source
        self.request = request
        self.stages = stages
        self.target = target
        self.clientOptions = clientOptions
        self.settings = settings
    }

    /// Runs the phases. Throws `ApplyInputError` for a source that cannot be applied (phase 1,
    /// nothing sent) and `UsageError` for a source that is the target itself; everything the
    /// target says goes into the report (and each problem to `diagnostics` as it is found).
    public func run(diagnostics: DiagnosticCollector, progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }) async throws -> ApplyReport {
        try checkSourceIsNotTarget()
        var input: ApplyInput
        do {
            let labels = try settings.applySet.map { try ApplySet(parent: $0, tooling: settings.tooling, live: nil) }
            input = try await ApplyInput.read(source, request: request, stages: stages, set: labels, spool: try ObjectSpool(),
                                              diagnostics: diagnostics)
        } catch let error as ApplyInputError {
            throw error
        } catch {
            throw ApplyInputError("\(error)")
        }
        let namespaces = (request.filter.namespaces ?? []).sorted()
        var options = clientOptions
        options.connectionsPerServer = max(options.connectionsPerServer, settings.concurrency)
        // The ledger keeps the only reference to the entries, so they change in place, never copied.
        let ledger = Ledger(input.entries)
        input.entries = []
        return try await KubeClient.with(target, options: options) { [input] client in
            let context = ApplyContext(client: client, settings: settings, sourceName: input.sourceName, spool: input.spool,
                                       ledger: ledger, diagnostics: diagnostics, progress: progress)
            return try await context.run(listNamespaces: namespaces)
        }
    }

    /// A cluster applied onto itself would prune, take over and rewrite its own objects.
    private func checkSourceIsNotTarget() throws(UsageError) {
        guard let cluster = source as? ClusterSource else { return }
        let from = cluster.connection
        if from.contextName == target.contextName || from.server == target.server {
            throw UsageError("\(source.name) is the target (context \(target.contextName), \(target.server)): apply into another cluster")
        }
    }
}

extension ApplyContext {
    /// The run's report.
    func report(_ result: ApplyReport.Result, _ objects: ApplyEntries, plan: DiffResult? = nil) -> ApplyReport {
        ApplyReport(source: sourceName, target: contextName, dryRun: settings.dryRun, applySet: settings.applySet, result: result,
                    objects: objects, plan: plan, createdNamespaces: ledger.createdNamespaces)
    }

    /// The report of a run stopped before anything was applied: the objects refused.
    func refused() -> ApplyReport {
        report(.refused, ledger.read { ApplyEntries($0.lazy.filter { $0.outcome == .failed }) })
    }

    /// Phases 2 to 4.
    func run(listNamespaces: [String]) async throws -> ApplyReport {
        guard let target = try await checkTarget(listNamespaces: listNamespaces) else { return refused() }
        var unchecked: [ObjectDiff] = []
        if !target.missingNamespaces.isEmpty {
            if settings.dryRun {
                unchecked = planUncheckedNamespaces(target.missingNamespaces)
            } else if try await !createNamespaces(target.missingNamespaces, kinds: target.kinds) {
                return refused()
            }
        }
        let (parent, plan) = try await dryRun(target, planning: settings.dryRun)
        let rejected = ledger.count { $0.outcome == .failed }.selected
        guard parent != .refused, rejected == 0 else {
            if rejected > 0 { diagnostics.report(Diagnostic(.error, "\(counted(rejected, "object")) rejected by the dry run")) }
            return refused()
        }
        let pruning = prunePlan(target)
        if settings.dryRun {
            ledger.updateAll { entry in
                if entry.outcome == nil { entry.outcome = entry.planned }
            }
            let pruned = pruning.map { prunedEntry($0, kinds: target.kinds) }
            let diffs = plan + unchecked + pruned.map { ObjectDiff(id: $0.id, status: .removed, old: nil, new: nil) }
            let unchanged = ledger.count { $0.outcome == .unchanged }.selected
            return report(.planned, adding(pruned), plan: DiffResult(objects: diffs, unchanged: unchanged))
        }
        return try await applyAndPrune(target, parent: parent, pruning: pruning)
    }

    /// Phase 4: the parent (recording the old and the new scope) unless that changes nothing,
    /// the objects, then prune and the parent with the new scope alone, when every object went in.
    private func applyAndPrune(_ target: TargetState, parent: ParentVerdict, pruning: [LiveMember]) async throws -> ApplyReport {
        let scope = target.set.map { sourceScope($0) }
        if let set = target.set, let scope, parent == .changes, await applyParent(set, scope: scope, kinds: target.kinds, dryRun: false) == nil {
            return report(.refused, [])
        }
        try await applyAll(target.kinds)
        guard ledger.count(where: { $0.outcome == .failed }).selected == 0 else {
            if target.set != nil { diagnostics.report(Diagnostic(.warning, "nothing was pruned: not every object was applied")) }
            return report(.failed, ledger.all)
        }
        guard let set = target.set, let scope else { return report(.applied, ledger.all) }
        let pruned = try await prune(pruning, kinds: target.kinds)
        let entries = adding(pruned)
        guard !pruned.contains(where: { $0.outcome == .failed }) else { return report(.failed, entries) }
        let final = ledger.read { entries in ApplySetScope(members: entries.lazy.map(\.id), parentNamespace: set.parent.namespace) }
        if final != scope, await applyParent(set, scope: final, kinds: target.kinds, dryRun: false) == nil {
            return report(.failed, entries)
        }
        return report(.applied, entries)
    }

    /// The ledger's entries and, after them, `pruned`'s.
    private func adding(_ pruned: [ApplyEntry]) -> ApplyEntries {
        var entries = ledger.all
        for entry in pruned { entries.append(entry) }
        return entries
    }
}
