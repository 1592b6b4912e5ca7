import MeshDumpCore

/// What the ApplySet model needs of an object on the cluster: its identity, uid (for the delete
/// precondition) and the set it says it belongs to.
public struct LiveMember: Sendable, Hashable {
    public var id: ObjectID
    /// The version it was read at, to address the delete.
    public var apiVersion: String
    public var uid: String
    /// Its part-of label, nil when it has none.
    public var partOf: String?

    public init(id: ObjectID, apiVersion: String, uid: String, partOf: String?) {
        self.id = id
        self.apiVersion = apiVersion
        self.uid = uid
        self.partOf = partOf
    }

    /// Reads them off an object as the server returned it.
    public init(_ object: Object) {
        self.init(id: object.id, apiVersion: object.apiVersion, uid: object.value[path: ["metadata", "uid"]]?.stringValue ?? "",
                  partOf: object.value[path: ["metadata", "labels", ApplySetKeys.partOf]]?.stringValue)
    }
}

/// A source object whose live counterpart the set does not own: applying it would take the
/// object over from whoever made it.
public struct MembershipConflict: Sendable, Hashable, CustomStringConvertible {
    public var id: ObjectID
    /// The set the live object belongs to; nil when it carries no part-of label.
    public var otherSet: String?

    public init(id: ObjectID, otherSet: String?) {
        self.id = id
        self.otherSet = otherSet
    }

    public var description: String { "\(id) \(reason)" }

    /// Why, without the object: `exists and is not part of the ApplySet (…)`.
    public var reason: String {
        if let otherSet { return "exists and belongs to another ApplySet (\(ApplySetKeys.partOf)=\(otherSet))" }
        return "exists and is not part of the ApplySet (no \(ApplySetKeys.partOf) label)"
    }
}
