import MeshDumpCore

/// One difference inside an object: a field added, removed or changed, or the entries of a
/// keyed list put in another order.
public struct FieldChange: Sendable, Equatable {
    /// What happened at the path.
    public enum Edit: Sendable, Equatable {
        /// The new object has a field the old one lacks.
        case added(Value)
        /// The old object has a field the new one lacks.
        case removed(Value)
        /// The field has another value (or another type).
        case changed(old: Value, new: Value)
        /// The entries both sides share (by identifying key) are in another order; order matters
        /// in Istio lists (the first matching route wins). Identities as in the path syntax.
        case reordered(old: [String], new: [String])
    }

    public var path: DiffPath
    public var edit: Edit

    public init(path: DiffPath, edit: Edit) {
        self.path = path
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
