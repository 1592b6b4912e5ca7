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
            let answer = await applyParent(set, scope: sourceScope(set), kinds: target.kinds, dryRun: true)
            parent = answer.map { LiveState.digest(of: $0.object.value) == target.parentDigest ? .unchanged : .changes } ?? .refused
        } else if target.set != nil {
            parent = .changes
        }
        let options = applyOptions(dryRun: true)
        let plan = Mutex<[ObjectDiff]>([])
        try await forEachObject("dry run", where: { $0.outcome == nil && $0.planned == nil }) { index, line in
            let entry = ledger[index]
            guard let kind = target.kinds[entry.id] else { return }
            let answer: ApplyAnswer
            let (planned, answered): (ApplyOutcome, Object?)
            do {
                answer = try await apply(entry, line: line, as: kind, options: options)
                (planned, answered) = try Self.plan(entry, answer)
            } catch {
                return fail(index, "rejected by the dry run: \(ApplyMessages.describe(error))")
            }
            for warning in answer.warnings {
                diagnostics.report(Diagnostic(.warning, "\(entry.id): the server warns: \(warning)", origin: entry.origin))
            }
            ledger.update(index) { $0.planned = planned }
            guard planning, planned != .unchanged else { return }
            do {
                let diff = try await change(entry, planned: planned, answer: answer, decoded: answered, kind: kind)
                plan.withLock { $0.append(diff) }
            } catch {
                fail(index, "cannot read the live object to show its changes: \(error)")
            }
        }
        return (parent, plan.withLock { $0 })
    }

    /// What a dry run's answer says applying `entry` would do: created (201); unchanged when the
    /// answer is the object as listed, managedFields included; configured otherwise. The answer
    /// is decoded only to compare it with a listed object, and then returned too.
    private static func plan(_ entry: ApplyEntry, _ answer: ApplyAnswer) throws(WriteError) -> (ApplyOutcome, Object?) {
        if answer.created { return (.created, nil) }
        guard let live = entry.live else { return (.configured, nil) }
        let object = try answer.object()
        return (live.digest == LiveState.digest(of: object.value) ? .unchanged : .configured, object)
    }

    /// How the object would change, as `meshdump diff` shows it: added, or the live object
    /// (read at the object's own version) against the dry run's answer (`decoded`, if it was),
    /// both neat.
    private func change(_ entry: ApplyEntry, planned: ApplyOutcome, answer: ApplyAnswer, decoded: Object?, kind: ServedKind) async throws -> ObjectDiff {
        guard planned == .configured else { return ObjectDiff(id: entry.id, status: .added, old: nil, new: nil) }
        let atVersion = ServedKind(kind: kind.kind, version: ObjectID.split(apiVersion: entry.apiVersion).version)
        guard let live = try await client.get(atVersion, namespace: entry.id.namespace, name: entry.id.name) else {
            return ObjectDiff(id: entry.id, status: .added, old: nil, new: nil)
        }
        let neat = Neat()
        let changes = ObjectDiffer().compare(neat.apply(live)!, neat.apply(try decoded ?? answer.object())!)?.changes ?? []
        return ObjectDiff(id: entry.id, status: .changed, old: nil, new: nil, changes: changes)
    }

    /// The ApplySet's scope while the source is applied: what the parent records and what the
    /// objects being applied (all but those refused) hold.
    func sourceScope(_ set: ApplySet) -> ApplySetScope {
        ledger.read { entries in set.scope(for: entries.lazy.filter { $0.outcome != .failed }.map(\.id)) }
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
