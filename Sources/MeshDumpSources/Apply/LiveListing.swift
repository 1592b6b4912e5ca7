import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization

/// Phase 2's look at what the target holds: each kind of the source listed once (cluster-wide,
/// or in the `-n` namespaces), and for an ApplySet each other kind its parent records, by the
/// set's label. Nothing is kept whole: a source object's entry gets its `LiveState` (and, for a
/// set, a takeover when the set does not own it); a member of the set the source no longer
/// holds becomes a prune candidate; the rest is passed over.
enum LiveListing {
    struct Result {
        var candidates: [LiveMember]
        /// Source objects the set does not own on the target (only when asked for).
        var takeovers: [(index: Int, conflict: MembershipConflict)]
        /// Kinds that could not be listed, as messages.
        var failures: [String]
    }

    /// Lists what the target holds of the entries' kinds; with `takeovers`, notes each source
    /// object the set would take over.
    static func run(_ context: ApplyContext, kinds: TargetKinds, set: ApplySet?, namespaces: [String], takeovers: Bool) async throws -> Result {
        var sourceKinds = Set<GroupKind>()
        context.ledger.forEach { _, entry in
            if entry.outcome == nil { sourceKinds.insert(GroupKind(entry.id)) }
        }
        var lists = sourceKinds.sorted().compactMap { kinds[$0] }.map { (kind: $0, selector: String?.none) }
        if let set {
            for groupKind in set.recorded.groupKinds.subtracting(sourceKinds).sorted() {
                if let kind = kinds[groupKind] { lists.append((kind, set.memberSelector)) }
            }
        }
        let found = Mutex<(candidates: [LiveMember], takeovers: [(index: Int, conflict: MembershipConflict)])>(([], []))
        let ledger = context.ledger, diagnostics = context.diagnostics, client = context.client
        let results = try await Concurrently.map(lists, limit: 4) { kind, selector in
            try await client.list(kind, filter: ListFilter(namespaces: namespaces, labelSelector: selector), diagnostics: diagnostics) { object in
                let id = object.id
                let partOf = set == nil ? nil : object.value[path: ["metadata", "labels", ApplySetKeys.partOf]]?.stringValue
                if let i = ledger.index(of: id), ledger[i].outcome == nil {
                    let live = LiveState(object)
                    ledger.update(i) { $0.live = live }
                    if takeovers, let conflict = set?.takeover(id, partOf: partOf) { found.withLock { $0.takeovers.append((i, conflict)) } }
                } else if let set, partOf == set.id {
                    found.withLock { $0.candidates.append(LiveMember(object)) }
                }
            }
        }
        let failures = results.compactMap { result in
            result.error.map { "\(context.contextName): cannot list \(result.kind.kind.qualifiedResource): \($0)" }
        }
        return found.withLock { Result(candidates: $0.candidates, takeovers: $0.takeovers, failures: failures) }
    }
}
