import MeshDumpCore
import Synchronization

/// `meshdump diff`: reads the old side whole, then streams the new side past it, comparing each
/// object as it arrives, so only the old side is held in memory.
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
    public func run(diagnostics: any DiagnosticSink = DiagnosticCollector()) async throws -> DiffResult {
        let state = Mutex((accumulator: DiffAccumulator(differ: differ, oldSide: old.name, newSide: new.name),
                           namespaces: Set<String>()))
        let neat = self.neat ? Neat() : nil
        let request = ReadRequest(filter: filter, droppedFields: self.neat ? Neat.droppedFields : nil)
        for (source, isOld) in [(old, true), (new, false)] {
            let reports = try await source.read(request) { object in
                guard let object = neat.map({ $0.apply(object) }) ?? object else { return }
                try state.withLock { state in
                    state.namespaces.insert(object.namespace)
                    if isOld { try state.accumulator.addOld(object) } else { try state.accumulator.addNew(object) }
                }
            }
            try reports.requireComplete(source.name)
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
