import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization

extension ApplyContext {
    /// Phase 3: the ApplySet's parent and every object server-side applied with `dryRun=All`,
    /// `settings.concurrency` at once. Each entry learns what applying it would do (`planned`):
    /// an answer identical to the object as listed (managedFields included) means unchanged,
    /// and the apply will not be sent again. A refusal fails the entry and is reported at once,
    /// with the server's message. With `planning`, every object that would change is compared
    /// with the live one for `--dry-run`'s diff, which is returned.
    func dryRun(_ target: TargetState, planning: Bool) async throws -> (parent: ParentVerdict, plan: [ObjectDiff]) {
        var parent = ParentVerdict.unchanged
        if let set = target.set, !target.missingNamespaces.contains(set.parent.namespace) {
            let answer = await applyParent(set, scope: set.scope(for: sourceIDs()), kinds: target.kinds, dryRun: true)
            parent = answer.map { LiveState.digest(of: $0.object.value) == target.parentDigest ? .unchanged : .changes } ?? .refused
        } else if target.set != nil {
            parent = .changes
        }
        let options = applyOptions(dryRun: true)
        let plan = Mutex<[ObjectDiff]>([])
        try await forEachObject("dry run", where: { $0.outcome == nil && $0.planned == nil }) { index, object in
            let entry = ledger[index]
            guard let kind = target.kinds[entry.id] else { return }
            let result: ApplyResult
            do {
                result = try await client.apply(object, as: kind, options: options)
            } catch {
                return fail(index, "rejected by the dry run: \(ApplyMessages.describe(error))")
            }
            var planned = ApplyOutcome(result.change)
            if planned == .configured, let live = entry.live, live.digest == LiveState.digest(of: result.object.value) {
                planned = .unchanged
            }
            for warning in result.warnings {
                diagnostics.report(Diagnostic(.warning, "\(entry.id): the server warns: \(warning)", origin: entry.origin))
            }
            ledger.update(index) { $0.planned = planned }
            guard planning, planned != .unchanged else { return }
            do {
                let diff = try await change(entry, planned: planned, answer: result.object, kind: kind)
                plan.withLock { $0.append(diff) }
            } catch {
                fail(index, "cannot read the live object to show its changes: \(error)")
            }
        }
        return (parent, plan.withLock { $0 })
    }

    /// How the object would change, as `meshdump diff` shows it: added, or the live object
    /// (read at the object's own version) against the dry run's answer, both neat.
    private func change(_ entry: ApplyEntry, planned: ApplyOutcome, answer: Object, kind: ServedKind) async throws -> ObjectDiff {
        guard planned == .configured else { return ObjectDiff(id: entry.id, status: .added, old: nil, new: nil) }
        let atVersion = ServedKind(kind: kind.kind, version: ObjectID.split(apiVersion: entry.apiVersion).version)
        guard let live = try await client.get(atVersion, namespace: entry.id.namespace, name: entry.id.name) else {
            return ObjectDiff(id: entry.id, status: .added, old: nil, new: nil)
        }
        let neat = Neat()
        let changes = ObjectDiffer().compare(neat.apply(live)!, neat.apply(answer)!)?.changes ?? []
        return ObjectDiff(id: entry.id, status: .changed, old: nil, new: nil, changes: changes)
    }

    /// The identities of the objects being applied (all but those refused).
    func sourceIDs() -> [ObjectID] {
        var ids: [ObjectID] = []
        ledger.forEach { _, entry in if entry.outcome != .failed { ids.append(entry.id) } }
        return ids
    }
}

/// What the dry run found of the ApplySet's parent.
enum ParentVerdict {
    /// Writing it would change nothing (or there is no set).
    case unchanged
    /// It will be written.
    case changes
    /// The server refused it.
    case refused
}

extension ApplyOutcome {
    init(_ change: ApplyChange) {
        switch change {
        case .created: self = .created
        case .configured: self = .configured
        case .unchanged: self = .unchanged
        }
    }
}
