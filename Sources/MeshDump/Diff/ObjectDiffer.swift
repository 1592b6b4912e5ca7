import MeshDumpCore

/// Compares Kubernetes objects: two versions of one object field by field, or two sets of
/// objects matched by identity (group, kind, namespace, name — never file path or version).
///
/// `--ignore` patterns are applied to every object first; the objects in the result are the
/// pruned ones, so no output shows an ignored field. With `--rules`, every old object is first
/// rewritten by the rules' mesh-wide mappings (namespaces, hosts, gateways, trust domain,
/// revision, Gateway selectors; not the per-object rules), so a moved object meets its new self
/// and what the mappings explain is no difference.
public struct ObjectDiffer: Sendable {
    public var ignore: IgnoreSet
    /// The mappings old objects go through, when there are any.
    let mappings: MeshRewriter?

    public init(ignore: IgnoreSet = IgnoreSet(), rules: RuleSet? = nil) {
        self.ignore = ignore
        mappings = rules.map(MeshRewriter.init).flatMap { $0.isEmpty ? nil : $0 }
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

    /// An old object as it is compared: through the mappings, ignored fields left out.
    func mapped(_ object: Object) -> Object {
        guard let mappings else { return prune(object) }
        var object = object
        var tally = [Int](repeating: 0, count: mappings.entries.count)
        _ = mappings.rewrite(&object, tally: &tally)
        return prune(object)
    }

    func compare(pruned old: Object, _ new: Object) -> ObjectDiff? {
        if old.value == new.value { return nil }
        let changes = ValueDiffer.changes(from: old.value, to: new.value)
        return ObjectDiff(id: new.id, status: .changed, old: old, new: new, changes: changes)
    }

    /// A renamed object: `compared` (the old object as compared: mapped and pruned) against
    /// `new`, without the namespace and name the title shows; `original` is the old object as
    /// read (pruned), which the result keeps.
    func renamed(_ original: Object, compared: Object, to new: Object) -> ObjectDiff {
        let changes = ValueDiffer.changes(from: compared.value, to: new.value).filter { !ObjectRenames.isIdentity($0.path) }
        let similarity = ObjectRenames.leaves(of: original).similarity(to: ObjectRenames.leaves(of: new))
        return ObjectDiff(id: new.id, status: .renamed, old: original, new: new, changes: changes, oldID: original.id,
                          similarity: Int((similarity * 100).rounded(.down)))
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
