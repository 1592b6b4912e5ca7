import MeshDumpCore
import Synchronization

/// `meshdump diff`: reads the old side whole, then streams the new side past it, comparing each
/// object as it arrives, so only the old side is held in memory. Secrets' values are redacted
/// (`SecretRedaction`) before anything is compared, so no output holds them.
public struct DiffRun: Sendable {
    public var old: any ObjectSource
    public var new: any ObjectSource
    public var filter: ObjectFilter
    public var differ: ObjectDiffer
    /// Neat both sides first, as export writes objects.
    public var neat: Bool

    public init(old: any ObjectSource, new: any ObjectSource, filter: ObjectFilter = ObjectFilter(),
                differ: ObjectDiffer = ObjectDiffer(), neat: Bool = true) {
        self.old = old
        self.new = new
        self.filter = filter
        self.differ = differ
        self.neat = neat
    }

    /// Compares the two sides. Throws for what cannot be read, for a kind a side could not
    /// list (a diff of half a cluster would be a lie), and for two objects with one identity on
    /// one side. A kind a cluster does not serve, and a `-n` namespace neither side has objects
    /// in, are warnings to `diagnostics` (a misspelt namespace would otherwise look like "no
    /// differences").
    /// The default kinds, and those of `found` (a known kind, else its name with its group for
    /// the cluster's discovery to resolve).
    static func selection(adding found: Set<GroupKind>) -> KindSelection {
        var selection = KindSelection()
        for kind in found.sorted() {
            if let known = KnownKinds.kind(group: kind.group, kind: kind.kind) {
                selection = selection.adding([known])
            } else {
                let name = kind.group.isEmpty ? kind.kind.lowercased() : "\(kind.kind.lowercased()).\(kind.group)"
                if !selection.names.contains(name) { selection.names.append(name) }
            }
        }
        return selection
    }

    public func run(diagnostics: any DiagnosticSink = DiagnosticCollector()) async throws -> DiffResult {
        let state = Mutex((accumulator: DiffAccumulator(differ: differ, oldSide: old.name, newSide: new.name),
                           namespaces: Set<String>(), fileKinds: Set<GroupKind>(), held: [Object]()))
        let stages = StageChain((self.neat ? [Neat()] : []) + [SecretRedaction()])
        let request = ReadRequest(filter: filter, droppedFields: self.neat ? Neat.droppedFields : nil)
        // A tree against a cluster, no --kinds: the cluster lists the default kinds and every
        // kind the tree holds, so a tree's Namespaces or Secrets are compared, not "removed".
        // The files are read first for that; when they are the new side, they are held until
        // the cluster, the old side, has been read.
        let filesFirst = filter.kinds == nil && old.isLive != new.isLive
        let order: [(source: any ObjectSource, isOld: Bool)] = filesFirst && old.isLive ? [(new, false), (old, true)] : [(old, true), (new, false)]
        var reports: [Bool: [KindReport]] = [:]
        for (source, isOld) in order {
            var sideRequest = request
            if filesFirst && source.isLive {
                sideRequest.filter = filter.with(kinds: Self.selection(adding: state.withLock { $0.fileKinds }))
            }
            let holds = filesFirst && !isOld && !source.isLive && old.isLive
            reports[isOld] = try await source.read(sideRequest) { object in
                guard let object = try stages.apply(object) else { return }
                try state.withLock { state in
                    state.namespaces.insert(object.namespace)
                    if filesFirst && !source.isLive { state.fileKinds.insert(GroupKind(group: object.group, kind: object.kind)) }
                    if holds {
                        state.held.append(object)
                    } else if isOld {
                        try state.accumulator.addOld(object)
                    } else {
                        try state.accumulator.addNew(object)
                    }
                }
            }
            try reports[isOld]!.requireComplete(source.name)
        }
        try state.withLock { state in
            for object in state.held { try state.accumulator.addNew(object) }
            state.held = []
        }
        let sideReports = [reports[true]!, reports[false]!]
        try sideReports.requireResolvedNames()
        for (source, reports) in zip([old, new], sideReports) {
            for report in reports where source.isLive {
                if case .skipped(let reason) = report.outcome {
                    diagnostics.report(Diagnostic(.warning, "\(source.name): \(report.qualifiedResource): \(reason)"))
                }
            }
        }
        let (result, seen) = state.withLock { ($0.accumulator.finish(), $0.namespaces) }
        for namespace in (filter.namespaces ?? []).sorted() where !seen.contains(namespace) {
            diagnostics.report(Diagnostic(.warning, "no objects in namespace \"\(namespace)\" on either side (-n \(namespace))"))
        }
        return result
    }
}
