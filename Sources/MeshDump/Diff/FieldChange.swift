import MeshDumpCore

/// One difference inside an object: a field added, removed or changed, or the entries of a
/// list put in another order; where it is as people read it (`spec.http[name=canary]`,
/// `spec.http[1].timeout`) and as a JSON Pointer into each side.
public struct FieldChange: Sendable, Equatable {
    /// What happened at the path.
    public enum Edit: Sendable, Equatable {
        /// The new object has a field the old one lacks.
        case added(Value)
        /// The old object has a field the new one lacks.
        case removed(Value)
        /// The field has another value (or another type).
        case changed(old: Value, new: Value)
        /// The entries both sides share are in another order; order matters in Istio lists (the
        /// first matching route wins). Entries are named by identity as in the path syntax
        /// (`canary`), or in a list without identifying key by their old position (`[2]`).
        case reordered(old: [String], new: [String])
    }

    /// Where the change is: list entries by identity where the list has an identifying key,
    /// else by position (in the new list; in the old one for a removed entry).
    public var path: FieldPath
    /// The place in the old object, when it has one (not for an added entry or field).
    public var oldPointer: JSONPointer?
    /// The place in the new object, when it has one (not for a removed entry or field).
    public var newPointer: JSONPointer?
    public var edit: Edit

    public init(path: FieldPath, oldPointer: JSONPointer?, newPointer: JSONPointer?, edit: Edit) {
        self.path = path
        self.oldPointer = oldPointer
        self.newPointer = newPointer
        self.edit = edit
    }

    /// The value before the change, when there was one.
    public var oldValue: Value? {
        switch edit {
        case .removed(let v), .changed(let v, _): v
        case .added, .reordered: nil
        }
    }

    /// The value after the change, when there is one.
    public var newValue: Value? {
        switch edit {
        case .added(let v), .changed(_, let v): v
        case .removed, .reordered: nil
        }
    }
}
