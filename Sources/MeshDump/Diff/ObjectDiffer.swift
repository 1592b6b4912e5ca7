import MeshDumpCore

/// Compares Kubernetes objects: two versions of one object field by field, or two sets of
/// objects matched by identity (group, kind, namespace, name — never file path or version).
///
/// `--ignore` patterns are applied to every object first; the objects in the result are the
/// pruned ones, so no output shows an ignored field.
public struct ObjectDiffer: Sendable {
    public var ignore: IgnoreSet

    public init(ignore: IgnoreSet = IgnoreSet()) {
        self.ignore = ignore
    }

    /// Compares two collections of objects. `oldSide` and `newSide` name them in errors.
    /// Throws when one collection holds two objects with one identity.
    public func compare(old: some Sequence<Object>, new: some Sequence<Object>,
                        oldSide: String = "old", newSide: String = "new") throws(DuplicateObjectError) -> DiffResult {
        var accumulator = DiffAccumulator(differ: self, oldSide: oldSide, newSide: newSide)
        for object in old { try accumulator.addOld(object) }
        for object in new { try accumulator.addNew(object) }
        return accumulator.finish()
    }

    /// How `new` differs from `old` (two versions of one object), or nil when they are equal.
    public func compare(_ old: Object, _ new: Object) -> ObjectDiff? {
        compare(pruned: prune(old), prune(new))
    }

    /// The object without its ignored fields.
    func prune(_ object: Object) -> Object {
        guard !ignore.isEmpty else { return object }
        var object = object
        object.value = ignore.apply(to: object.value)
        return object
    }

    func compare(pruned old: Object, _ new: Object) -> ObjectDiff? {
        if old.value == new.value { return nil }
        let changes = ValueDiffer.changes(from: old.value, to: new.value)
        return ObjectDiff(id: new.id, status: .changed, old: old, new: new, changes: changes)
    }
}

/// Compares two sets of objects as they stream in: every old object first, then the new ones,
/// each compared as it arrives, so only one side is held in memory.
public struct DiffAccumulator {
    public let differ: ObjectDiffer
    public let oldSide: String
    public let newSide: String
    /// Old objects not yet matched by a new one.
    private var pending: [ObjectID: Object] = [:]
    /// Where each new object came from, to name both files of a duplicate.
    private var seenNew: [ObjectID: Origin] = [:]
    private var differences: [ObjectDiff] = []
    private var unchanged = 0

    public init(differ: ObjectDiffer = ObjectDiffer(), oldSide: String = "old", newSide: String = "new") {
        self.differ = differ
        self.oldSide = oldSide
        self.newSide = newSide
    }

    /// Adds an object of the old side. Every old object must be added before the first new one.
    public mutating func addOld(_ object: Object) throws(DuplicateObjectError) {
        precondition(seenNew.isEmpty, "old objects must all be added before the new ones")
        let id = object.id
        if let first = pending[id] {
            throw DuplicateObjectError(id: id, side: oldSide, first: first.origin, second: object.origin)
        }
        pending[id] = differ.prune(object)
    }

    /// Adds an object of the new side and compares it with its old version.
    public mutating func addNew(_ object: Object) throws(DuplicateObjectError) {
        let id = object.id
        if let first = seenNew.updateValue(object.origin, forKey: id) {
            throw DuplicateObjectError(id: id, side: newSide, first: first, second: object.origin)
        }
        let new = differ.prune(object)
        guard let old = pending.removeValue(forKey: id) else {
            differences.append(ObjectDiff(id: id, status: .added, old: nil, new: new))
            return
        }
        if let diff = differ.compare(pruned: old, new) {
            differences.append(diff)
        } else {
            unchanged += 1
        }
    }

    /// The result: what differs, sorted by identity, and how many objects are equal.
    public func finish() -> DiffResult {
        var all = differences
        for (id, old) in pending {
            all.append(ObjectDiff(id: id, status: .removed, old: old, new: nil))
        }
        return DiffResult(objects: all, unchanged: unchanged)
    }
}

/// Two objects with one identity on one side of a diff: which of them is meant is unknowable.
public struct DuplicateObjectError: Error, Sendable, CustomStringConvertible {
    public var id: ObjectID
    /// The side as the user named it (a path, `-`, `cluster:`).
    public var side: String
    public var first: Origin
    public var second: Origin

    public init(id: ObjectID, side: String, first: Origin, second: Origin) {
        self.id = id
        self.side = side
        self.first = first
        self.second = second
    }

    public var description: String {
        "\(id) is defined twice in \(side == "-" ? "<stdin>" : side): at \(first) and at \(second)"
    }
}
