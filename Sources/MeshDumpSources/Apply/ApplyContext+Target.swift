import MeshDump
import MeshDumpCore
import MeshDumpKube

/// What phase 2 learnt of the target, for the phases after it.
struct TargetState: Sendable {
    var kinds: TargetKinds
    /// The ApplySet as its parent on the target records it (nil without `--prune`).
    var set: ApplySet?
    /// The parent as the target holds it (its `LiveState.digest`), nil when it does not exist.
    var parentDigest: Int?
    /// Namespaces the objects need that the target lacks (only with `--create-namespaces`).
    var missingNamespaces: Set<String>
    /// Members of the set on the target that the source no longer holds.
    var pruneCandidates: [LiveMember]
}

extension ApplyContext {
    /// Phase 2, read-only: every object's kind and version must be served (each object gets its
    /// identity on the target), the ApplySet's parent must be meshdump's, every namespace must
    /// exist (or be created later with `--create-namespaces`), and, for a set, no object may be
    /// taken over from whoever made it unless forced. Lists the target's objects of the kinds
    /// involved once, keeping what later phases need of each. Returns nil, every problem
    /// reported, when the target cannot take the source.
    func checkTarget(listNamespaces: [String]) async throws -> TargetState? {
        var kinds = TargetKinds()
        var refused = false
        let parentKind = settings.applySet.map { GroupKind(group: $0.group, kind: $0.kind) }
        var sourceKinds = Set<GroupKind>()
        ledger.forEach { _, entry in sourceKinds.insert(GroupKind(entry.id)) }
        do {
            try await kinds.discover(sourceKinds.union(parentKind.map { [$0] } ?? []), client: client)
        } catch {
            diagnostics.report(Diagnostic(.error, "\(contextName): discovery failed: \(error)"))
            return nil
        }
        if try !checkKinds(kinds) { refused = true }
        var set: ApplySet?
        var parentDigest: Int?
        if let parent = settings.applySet, let parentKind {
            do {
                let live: Object?
                (set, live) = try await readSet(parent, kind: kinds[parentKind], kinds: &kinds)
                parentDigest = live.map { LiveState.digest(of: $0.value) }
            } catch {
                diagnostics.report(Diagnostic(.error, "\(error)"))
                refused = true
            }
        }
        let missing: Set<String>
        do {
            missing = try await missingNamespaces()
        } catch {
            diagnostics.report(Diagnostic(.error, "\(contextName): cannot list namespaces: \(error)"))
            return nil
        }
        if !missing.isEmpty && !settings.createNamespaces {
            refuseMissing(missing)
            refused = true
        }
        let listing = try await LiveListing.run(self, kinds: kinds, set: set, namespaces: listNamespaces, takeovers: !settings.forceConflicts)
        for failure in listing.failures { diagnostics.report(Diagnostic(.error, failure)) }
        if !listing.failures.isEmpty { refused = true }
        if !listing.takeovers.isEmpty {
            refuseTakeovers(listing.takeovers)
            refused = true
        }
        if refused { return nil }
        return TargetState(kinds: kinds, set: set, parentDigest: parentDigest, missingNamespaces: missing, pruneCandidates: listing.candidates)
    }

    /// Gives every entry its identity on the target and fails those whose kind or version the
    /// target does not serve. Throws when two objects turn out to be one (one without a
    /// namespace, one in the default namespace). False when an object failed.
    private func checkKinds(_ kinds: TargetKinds) throws -> Bool {
        let defaultNamespace = client.connection.defaultNamespace ?? "default"
        var problems = ProblemGroups()
        var moved = false
        ledger.updateAll { entry in
            entry.address(kinds.targetID(entry.id, defaultNamespace: defaultNamespace))
            moved = moved || entry.readdressed
            if let problem = kinds.problem(entry) {
                entry.fail(problem)
                problems.add(problem, entry)
            }
        }
        if moved, let (first, second) = ledger.reindex() {
            throw ApplyInputError(DuplicateObjectError(id: second.id, side: sourceName, first: first.origin, second: second.origin).description)
        }
        problems.report(to: diagnostics)
        return problems.isEmpty
    }

    /// The set whose parent is `parent`, as the target records it, and the parent itself;
    /// discovers the kinds it records so their members can be listed. Throws when the parent
    /// belongs to another tool.
    private func readSet(_ parent: ApplySetParent, kind: ServedKind?, kinds: inout TargetKinds) async throws -> (ApplySet, Object?) {
        guard let kind else { throw ApplySetFailure("the target does not serve \(parent.kind), the kind of the ApplySet parent \(parent)") }
        let live: Object?
        do { live = try await client.get(kind, namespace: parent.namespace, name: parent.name) } catch {
            throw ApplySetFailure("cannot read the ApplySet parent \(parent): \(error)")
        }
        let set = try ApplySet(parent: parent, tooling: settings.tooling, live: live?.value)
        try await kinds.discover(set.recorded.groupKinds, client: client)
        return (set, live)
    }

    /// The namespaces the objects (and the set's parent) need that the target lacks.
    private func missingNamespaces() async throws(KubeError) -> Set<String> {
        var needed = Set<String>()
        ledger.forEach { _, entry in if !entry.id.namespace.isEmpty { needed.insert(entry.id.namespace) } }
        if let parent = settings.applySet, !parent.namespace.isEmpty { needed.insert(parent.namespace) }
        return needed.subtracting(try await client.namespaces())
    }

    /// Fails every object in a namespace the target lacks.
    private func refuseMissing(_ missing: Set<String>) {
        var problems = ProblemGroups()
        ledger.updateAll { entry in
            guard missing.contains(entry.id.namespace), entry.outcome == nil else { return }
            let problem = "namespace \(entry.id.namespace) does not exist on the target (--create-namespaces creates it)"
            entry.fail(problem)
            problems.add(problem, entry)
        }
        problems.report(to: diagnostics)
        if let parent = settings.applySet, missing.contains(parent.namespace) {
            diagnostics.report(Diagnostic(.error, "namespace \(parent.namespace) of the ApplySet parent \(parent) does not exist on the target (--create-namespaces creates it)"))
        }
    }

    /// Fails every object that exists on the target outside the set, in spool order.
    private func refuseTakeovers(_ takeovers: [(index: Int, conflict: MembershipConflict)]) {
        for (index, conflict) in takeovers.sorted(by: { $0.index < $1.index }) {
            fail(index, "\(conflict.reason); --force-conflicts takes it over")
        }
    }
}

/// The ApplySet cannot be used: its parent cannot be read, or belongs to another tool.
struct ApplySetFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
