import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization

/// Phase 2's look at what the target holds: each kind of the source listed once (cluster-wide,
/// or in the `-n` namespaces), and for an ApplySet each other kind its parent records, by the
/// set's label. Nothing is kept whole: a source object's entry gets its `LiveState`; a member
/// of the set the source no longer holds becomes a prune candidate; the rest is passed over.
enum LiveListing {
    struct Result {
        var candidates: [LiveMember]
        /// Kinds that could not be listed, as messages.
        var failures: [String]
    }

    static func run(_ context: ApplyContext, kinds: TargetKinds, set: ApplySet?, namespaces: [String]) async throws -> Result {
        var index: [ObjectID: Int] = [:]
        var sourceKinds = Set<GroupKind>()
        context.ledger.forEach { i, entry in
            guard entry.outcome == nil else { return }
            index[entry.id] = i
            sourceKinds.insert(GroupKind(entry.id))
        }
        var lists = sourceKinds.sorted().compactMap { kinds[$0] }.map { (kind: $0, selector: String?.none) }
        if let set {
            for groupKind in set.recorded.groupKinds.subtracting(sourceKinds).sorted() {
                if let kind = kinds[groupKind] { lists.append((kind, set.memberSelector)) }
            }
        }
        let candidates = Mutex<[LiveMember]>([])
        let ledger = context.ledger, diagnostics = context.diagnostics, client = context.client
        let found = index
        let results = try await Concurrently.map(lists, limit: 4) { kind, selector in
            try await client.list(kind, filter: ListFilter(namespaces: namespaces, labelSelector: selector), diagnostics: diagnostics) { object in
                let id = object.id
                if let i = found[id] {
                    ledger.update(i) { $0.live = LiveState(object) }
                } else if let set, object.value[path: ["metadata", "labels", ApplySetKeys.partOf]]?.stringValue == set.id {
                    candidates.withLock { $0.append(LiveMember(object)) }
                }
            }
        }
        let failures = results.compactMap { result in
            result.error.map { "\(context.contextName): cannot list \(result.kind.kind.qualifiedResource): \($0)" }
        }
        return Result(candidates: candidates.withLock { $0 }, failures: failures)
    }
}
