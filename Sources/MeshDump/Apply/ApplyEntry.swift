import MeshDumpCore

/// One object on its way to the target: what `apply` remembers of it between its phases (the
/// object itself waits in a spool on disk, so memory does not grow with the objects' size).
public struct ApplyEntry: Sendable {
    /// Its identity on the target (a namespaced object without a namespace has the target's
    /// default namespace once discovery knows its scope).
    public var id: ObjectID
    public var apiVersion: String
    /// Where the source had it; a pruned object's path on the target.
    public var origin: Origin
    /// The object on the target as listed before the dry run; nil when it did not exist.
    public var live: LiveState?
    /// What the dry run found applying it would do.
    public var planned: ApplyOutcome?
    /// What was done (with `--dry-run`, what would be).
    public var outcome: ApplyOutcome?
    /// Why it failed, or a note on what was done.
    public var message: String?

    public init(id: ObjectID, apiVersion: String, origin: Origin, live: LiveState? = nil, planned: ApplyOutcome? = nil,
                outcome: ApplyOutcome? = nil, message: String? = nil) {
        self.id = id
        self.apiVersion = apiVersion
        self.origin = origin
        self.live = live
        self.planned = planned
        self.outcome = outcome
        self.message = message
    }

    /// Marks it failed with the reason.
    public mutating func fail(_ message: String) {
        outcome = .failed
        self.message = message
    }
}

/// What `apply` keeps of an object it found on the target: enough to tell whether applying
/// would change it, to address a delete's precondition, and to know whose set it belongs to.
public struct LiveState: Sendable {
    public var resourceVersion: String
    public var uid: String
    /// Its ApplySet part-of label, nil when it has none.
    public var partOf: String?
    /// A hash of the whole object but its apiVersion (managedFields included): a dry run whose
    /// answer hashes the same would change nothing, not even who manages which field.
    public var digest: Int

    public init(resourceVersion: String, uid: String, partOf: String?, digest: Int) {
        self.resourceVersion = resourceVersion
        self.uid = uid
        self.partOf = partOf
        self.digest = digest
    }

    /// Reads them off an object as the server returned it.
    public init(_ object: Object) {
        let member = LiveMember(object)
        self.init(resourceVersion: object.value[path: ["metadata", "resourceVersion"]]?.stringValue ?? "", uid: member.uid,
                  partOf: member.partOf, digest: Self.digest(of: object.value))
    }

    /// The digest of an object as the server returned it.
    public static func digest(of value: Value) -> Int {
        var content = value
        content["apiVersion"] = nil
        return content.hashValue
    }
}
