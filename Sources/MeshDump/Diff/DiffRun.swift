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
    /// identity on one side.
    public func run() async throws -> DiffResult {
        var accumulator = DiffAccumulator(differ: differ, oldSide: old.name, newSide: new.name)
        let filter = self.filter
        try await old.forEachObject { object in
            if filter.includes(object) { try accumulator.addOld(object) }
        }
        try await new.forEachObject { object in
            if filter.includes(object) { try accumulator.addNew(object) }
        }
        return accumulator.finish()
    }
}
