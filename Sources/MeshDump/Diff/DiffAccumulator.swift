import MeshDumpCore

/// Compares two sets of objects as they stream in: every old object first, then the new ones,
/// each compared as it arrives, so only one side is held in memory. At the end, removed and
/// added objects of one kind that are the same object moved are paired as renames
/// (`ObjectRenames`).
public struct DiffAccumulator {
    public let differ: ObjectDiffer
    public let oldSide: String
    public let newSide: String

    /// An old object waiting for its new version.
    private struct Pending {
        /// As read, ignored fields left out.
        var original: Object
        /// As compared: through the `--rules` mappings too (under its mapped identity).
        var compared: Object
    }

    /// Old objects not yet matched by a new one, by their compared identity.
    private var pending: [ObjectID: Pending] = [:]
    /// With `--rules`: where each old object came from, to name both files of a duplicate
    /// (without, `pending` has them under the identity read).
    private var seenOld: [ObjectID: Origin] = [:]
    /// Where each new object came from, likewise.
    private var seenNew: [ObjectID: Origin] = [:]
    private var differences: [ObjectDiff] = []
    /// New objects without an old version (yet: some may be renames).
    private var added: [Object] = []
    private var unchanged = 0

    public init(differ: ObjectDiffer = ObjectDiffer(), oldSide: String = "old", newSide: String = "new") {
        self.differ = differ
        self.oldSide = oldSide
        self.newSide = newSide
    }

    /// Adds an object of the old side. Every old object must be added before the first new one.
    public mutating func addOld(_ object: Object) throws(DuplicateObjectError) {
        precondition(seenNew.isEmpty, "old objects must all be added before the new ones")
        let original = differ.prune(object)
        guard differ.mappings != nil else {
            if let first = pending[object.id] {
                throw DuplicateObjectError(id: object.id, side: oldSide, first: first.original.origin, second: object.origin)
            }
            pending[object.id] = Pending(original: original, compared: original)
            return
        }
        if let first = seenOld.updateValue(object.origin, forKey: object.id) {
            throw DuplicateObjectError(id: object.id, side: oldSide, first: first, second: object.origin)
        }
        let compared = differ.mapped(object)
        if let other = pending[compared.id] {
            // Two old objects that the rules' mappings give one identity.
            throw DuplicateObjectError(id: compared.id, side: oldSide + " as --rules maps it", first: other.original.origin, second: object.origin)
        }
        pending[compared.id] = Pending(original: original, compared: compared)
    }

    /// Adds an object of the new side and compares it with its old version.
    public mutating func addNew(_ object: Object) throws(DuplicateObjectError) {
        let id = object.id
        if let first = seenNew.updateValue(object.origin, forKey: id) {
            throw DuplicateObjectError(id: id, side: newSide, first: first, second: object.origin)
        }
        let new = differ.prune(object)
        guard let old = pending.removeValue(forKey: id) else {
            added.append(new)
            return
        }
        if old.original.id != id {
            differences.append(differ.renamed(old.original, compared: old.compared, to: new))
        } else if var diff = differ.compare(pruned: old.compared, new) {
            diff.old = old.original
            differences.append(diff)
        } else {
            unchanged += 1
        }
    }

    /// The result: what differs, sorted by identity, and how many objects are equal.
    public func finish() -> DiffResult {
        var all = differences
        let removed = pending.values.sorted { $0.compared.id < $1.compared.id }
        let renames = ObjectRenames.pairs(removed: removed.map(\.compared), added: added)
        var renamedOld = Set<Int>(), renamedNew = Set<Int>()
        for (i, j) in renames {
            all.append(differ.renamed(removed[i].original, compared: removed[i].compared, to: added[j]))
            renamedOld.insert(i)
            renamedNew.insert(j)
        }
        for (i, old) in removed.enumerated() where !renamedOld.contains(i) {
            all.append(ObjectDiff(id: old.original.id, status: .removed, old: old.original, new: nil))
        }
        for (j, new) in added.enumerated() where !renamedNew.contains(j) {
            all.append(ObjectDiff(id: new.id, status: .added, old: nil, new: new))
        }
        return DiffResult(objects: all, unchanged: unchanged)
    }
}
