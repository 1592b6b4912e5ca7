import MeshDumpCore

/// How one object differs between the old and the new side.
public struct ObjectDiff: Sendable {
    /// Whether the object was added, removed or changed.
    public enum Status: String, Sendable, Equatable {
        case added, removed, changed
    }

    public var id: ObjectID
    public var status: Status
    /// The object on the old side (with ignored fields left out), unless it was added.
    public var old: Object?
    /// The object on the new side (with ignored fields left out), unless it was removed.
    public var new: Object?
    /// For a changed object, what changed, in the order the fields are written in YAML.
    public var changes: [FieldChange]

    public init(id: ObjectID, status: Status, old: Object?, new: Object?, changes: [FieldChange] = []) {
        self.id = id
        self.status = status
        self.old = old
        self.new = new
        self.changes = changes
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
    public var addedCount: Int { objects.count { $0.status == .added } }
    public var removedCount: Int { objects.count { $0.status == .removed } }

    /// Whether anything differs (diff(1) exits 1 then).
    public var hasDifferences: Bool { !objects.isEmpty }

    /// `3 changed, 1 added, 0 removed, 41 unchanged`
    public var summary: String {
        "\(changedCount) changed, \(addedCount) added, \(removedCount) removed, \(unchanged) unchanged"
    }
}
