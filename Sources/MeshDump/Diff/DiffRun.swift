import MeshDumpCore

/// `meshdump diff`: reads the old side whole, then streams the new side past it, comparing each
/// object as it arrives, so only the old side is held in memory.
public struct DiffRun: Sendable {
    public var old: any DiffSource
    public var new: any DiffSource
    public var filter: ObjectFilter
    public var differ: ObjectDiffer

    public init(old: any DiffSource, new: any DiffSource, filter: ObjectFilter = ObjectFilter(),
                differ: ObjectDiffer = ObjectDiffer()) {
        self.old = old
        self.new = new
        self.filter = filter
        self.differ = differ
    }

    /// Compares the two sides. Throws for what cannot be read and for two objects with one
    /// identity on one side. A `-n` namespace neither side has objects in is a warning to
    /// `diagnostics` (a misspelt namespace would otherwise look like "no differences").
    public func run(diagnostics: any DiagnosticSink = DiagnosticCollector()) async throws -> DiffResult {
        var accumulator = DiffAccumulator(differ: differ, oldSide: old.name, newSide: new.name)
        let filter = self.filter
        var seenNamespaces = Set<String>()
        try await old.forEachObject { object in
            guard filter.includes(object) else { return }
            seenNamespaces.insert(object.namespace)
            try accumulator.addOld(object)
        }
        try await new.forEachObject { object in
            guard filter.includes(object) else { return }
            seenNamespaces.insert(object.namespace)
            try accumulator.addNew(object)
        }
        for namespace in (filter.namespaces ?? []).sorted() where !seenNamespaces.contains(namespace) {
            diagnostics.report(Diagnostic(.warning, "no objects in namespace \"\(namespace)\" on either side (-n \(namespace))"))
        }
        return accumulator.finish()
    }
}
