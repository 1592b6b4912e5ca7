import MeshDump
import MeshDumpCore
import MeshDumpKube

extension ApplyContext {
    /// Server-side applies the ApplySet's parent recording `scope`, under the set's own field
    /// manager and taking its fields (the parent is meshdump's: phase 2 checked its tooling).
    /// Nil, reported, when refused.
    func applyParent(_ set: ApplySet, scope: ApplySetScope, kinds: TargetKinds, dryRun: Bool) async -> ApplyResult? {
        guard let kind = kinds[GroupKind(group: set.parent.group, kind: set.parent.kind)] else { return nil }
        do {
            let parent = try Object(value: set.parentObject(scope: scope), origin: .generated)
            return try await client.apply(parent, as: kind, options: ApplyOptions(fieldManager: set.parentFieldManager, force: true, dryRun: dryRun))
        } catch {
            let what = dryRun ? "rejected by the dry run" : "cannot be written"
            diagnostics.report(Diagnostic(.error, "ApplySet parent \(set.parent) \(what): \(ApplyMessages.describe(error))"))
            return nil
        }
    }

    /// Phase 4: the Namespace objects, then every other object, server-side applied for real,
    /// `settings.concurrency` at once. An object the dry run found unchanged is not sent again.
    /// A failure is reported as it comes and does not stop the others.
    func applyAll(_ kinds: TargetKinds) async throws {
        let options = applyOptions(dryRun: false)
        for (phase, namespaces) in [("applying namespaces", true), ("applying", false)] {
            let select = { (entry: ApplyEntry) in
                entry.outcome == nil && entry.planned != .unchanged && Self.isNamespace(entry.id) == namespaces
            }
            try await forEachObject(phase, where: select) { index, line in
                let entry = ledger[index]
                guard let kind = kinds[entry.id] else { return }
                do {
                    let outcome = try Self.outcome(entry, try await apply(entry, line: line, as: kind, options: options))
                    ledger.update(index) { $0.outcome = outcome }
                } catch {
                    fail(index, ApplyMessages.describe(error))
                }
            }
        }
        ledger.updateAll { entry in
            if entry.outcome == nil, entry.planned == .unchanged { entry.outcome = .unchanged }
        }
    }

    /// What an apply did: created (201); unchanged when the object existed and its
    /// resourceVersion did not move from the one listed; configured otherwise. Only the
    /// resourceVersion of the answer is read.
    private static func outcome(_ entry: ApplyEntry, _ answer: ApplyAnswer) throws(WriteError) -> ApplyOutcome {
        if answer.created { return .created }
        guard let live = entry.live else { return .configured }
        return try answer.resourceVersion() == live.resourceVersion ? .unchanged : .configured
    }
}
