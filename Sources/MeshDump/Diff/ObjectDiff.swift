import MeshDumpCore

/// How one object differs between the old and the new side.
public struct ObjectDiff: Sendable {
    /// Whether the object was added, removed, changed, or renamed (moved to another namespace
    /// or name, perhaps changed too).
    public enum Status: String, Sendable, Equatable {
        case added, removed, changed, renamed
    }

    /// The identity: the new one, unless the object was removed.
    public var id: ObjectID
    public var status: Status
    /// The object on the old side (with ignored fields left out), unless it was added.
    public var old: Object?
    /// The object on the new side (with ignored fields left out), unless it was removed.
    public var new: Object?
    /// For a changed or renamed object, what changed, in the order the fields are written in
    /// YAML (a rename's own namespace and name are in `oldID`, not here).
    public var changes: [FieldChange]
    /// For a renamed object, its identity on the old side.
    public var oldID: ObjectID?
    /// For a renamed object, how much of its content (its fields but apiVersion, kind, namespace
    /// and name) the two sides share, in percent: git's similarity index.
    public var similarity: Int?

    public init(id: ObjectID, status: Status, old: Object?, new: Object?, changes: [FieldChange] = [],
                oldID: ObjectID? = nil, similarity: Int? = nil) {
        self.id = id
        self.status = status
        self.old = old
        self.new = new
        self.changes = changes
        self.oldID = oldID
        self.similarity = similarity
    }

    /// `DestinationRule team-001/x → orders/x` for a renamed object, else the identity.
    public var title: String {
        guard let oldID else { return id.description }
        let name: (ObjectID) -> String = { $0.namespace.isEmpty ? $0.name : "\($0.namespace)/\($0.name)" }
        return "\(id.kind) \(name(oldID)) → \(name(id))"
    }
}

/// The outcome of comparing two sets of objects: every object that differs, sorted by identity,
/// and how many are equal.
public struct DiffResult: Sendable {
    public var objects: [ObjectDiff]
    public var unchanged: Int

    public init(objects: [ObjectDiff], unchanged: Int) {
        self.objects = objects.sorted { $0.id < $1.id }
        self.unchanged = unchanged
    }

    public var changedCount: Int { objects.count { $0.status == .changed } }
    public var renamedCount: Int { objects.count { $0.status == .renamed } }
    public var addedCount: Int { objects.count { $0.status == .added } }
    public var removedCount: Int { objects.count { $0.status == .removed } }

    /// Whether anything differs (diff(1) exits 1 then).
    public var hasDifferences: Bool { !objects.isEmpty }

    /// `3 changed, 1 added, 0 removed, 41 unchanged`, with `2 renamed` after `changed` when
    /// objects were renamed.
    public var summary: String {
        let renamed = renamedCount > 0 ? "\(renamedCount) renamed, " : ""
        return "\(changedCount) changed, \(renamed)\(addedCount) added, \(removedCount) removed, \(unchanged) unchanged"
    }
}
