import MeshDumpCore

/// One object on its way to the target: what `apply` remembers of it between its phases (the
/// object itself waits in a spool on disk, so memory does not grow with the objects' size). Its
/// strings other than the name and origin are shared with every other entry of the same kind
/// and namespace (`ApplyEntries` interns them), so an entry costs about its own size.
public struct ApplyEntry: Sendable {
    /// Its identity on the target (a namespaced object without a namespace has the target's
    /// default namespace once discovery knows its scope).
    public var id: ObjectID
    public var apiVersion: String
    /// Why it failed, or a note on what was done.
    public var message: String?
    /// The object on the target as listed before the dry run; nil when it did not exist.
    public var live: LiveState?
    /// Where the source had it; a pruned object's path on the target.
    public var origin: Origin
    /// What the dry run found applying it would do.
    public var planned: ApplyOutcome?
    /// What was done (with `--dry-run`, what would be).
    public var outcome: ApplyOutcome?
    /// Its identity on the target is not the source's (`id` has a namespace the source left
    /// out, or none where the source gave one): its spooled configuration must be re-addressed.
    public var readdressed = false

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

    /// Gives it its identity on the target, noting when that is not the source's.
    public mutating func address(_ target: ObjectID) {
        guard target != id else { return }
        id = target
        readdressed = true
    }

    /// What to send for it: its configuration as spooled, or, when phase 2 re-addressed it, that
    /// configuration in its namespace on the target (none for a cluster-scoped object).
    public func configuration(spooled line: [UInt8]) throws -> [UInt8] {
        guard readdressed else { return line }
        guard var value = try JSONReader.values(line, source: "spool").first else { return line }
        value["metadata"]?["namespace"] = id.namespace.isEmpty ? nil : .string(id.namespace)
        var body: [UInt8] = []
        try JSONWriter.write(value, compact: true, to: &body)
        return body
    }
}

/// What `apply` keeps of an object it found on the target: enough to tell whether applying
/// would change it. (Whether the set owns it is settled as it is listed; see `ApplySet.takeover`.)
public struct LiveState: Sendable {
    public var resourceVersion: String
    /// A hash of the whole object but its apiVersion (managedFields included): a dry run whose
    /// answer hashes the same would change nothing, not even who manages which field.
    public var digest: Int

    public init(resourceVersion: String, digest: Int) {
        self.resourceVersion = resourceVersion
        self.digest = digest
    }

    /// Reads them off an object as the server returned it.
    public init(_ object: Object) {
        self.init(resourceVersion: object.value[path: ["metadata", "resourceVersion"]]?.stringValue ?? "", digest: Self.digest(of: object.value))
    }

    /// The digest of an object as the server returned it.
    public static func digest(of value: Value) -> Int {
        var content = value
        content["apiVersion"] = nil
        return content.hashValue
    }
}
