import MeshDump
import MeshDumpCore
import MeshDumpKube

extension ApplyContext {
    /// What prune deletes: the set's members on the target, of its group-kinds and in its
    /// namespaces, that the source no longer holds (see `ApplySet.prunePlan`).
    func prunePlan(_ target: TargetState) -> [LiveMember] {
        guard let set = target.set else { return [] }
        let scope = sourceScope(set)
        return ledger.read { entries in
            set.prunePlan(live: target.pruneCandidates, scope: scope) { id in entries.index(of: id).map { entries[$0].outcome != .failed } ?? false }
        }
    }

    /// Deletes every object of `plan`, `settings.concurrency` at once, each only if its uid is
    /// still the one listed, so an object deleted and re-created meanwhile stays (and fails, so
    /// the run says the cluster is not the source). Returns an entry for each: pruned (also
    /// when it was already gone), or failed.
    func prune(_ plan: [LiveMember], kinds: TargetKinds) async throws -> [ApplyEntry] {
        let progress = PhaseProgress("pruning", total: plan.count, report: progress)
        return try await Concurrently.map(plan, limit: settings.concurrency) { member in
            defer { progress.step() }
            var entry = prunedEntry(member, kinds: kinds)
            guard let kind = kinds[member.id] else {
                entry.fail("cannot be pruned: the target does not serve its kind")
                return entry
            }
            do throws(WriteError) {
                try await client.delete(kind, namespace: member.id.namespace, name: member.id.name, options: DeleteOptions(uid: member.uid))
            } catch .notFound {
                entry.message = "already deleted"
            } catch .preconditionFailed(let message) {
                entry.fail("not pruned: re-created since it was listed (the delete's uid precondition failed: \(message))")
            } catch {
                entry.fail("cannot be pruned: \(ApplyMessages.describe(error))")
            }
            if entry.outcome == .failed { diagnostics.report(Diagnostic(.error, "\(entry.id): \(entry.message!)", origin: entry.origin)) }
            return entry
        }
    }

    /// A member to prune as the report lists it: at its path on the target.
    func prunedEntry(_ member: LiveMember, kinds: TargetKinds) -> ApplyEntry {
        let path = kinds[member.id].map { $0.collectionPath(namespace: member.id.namespace) + "/" + member.id.name } ?? member.id.description
        return ApplyEntry(id: member.id, apiVersion: member.apiVersion, origin: .cluster(context: contextName, path: path), outcome: .pruned)
    }
}
