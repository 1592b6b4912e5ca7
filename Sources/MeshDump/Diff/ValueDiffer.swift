import MeshDumpCore

/// Compares two values and lists their differences: mappings by key, lists of mappings by their
/// identifying key (see `ListIdentity`) when they have one, other lists by position, everything
/// else by value (`Value`'s `==`: numbers by numeric value, `10.0` equal to `10` as the API
/// server makes them; strings exactly, so `"10"` is not `10`).
struct ValueDiffer {
    private var path: [DiffPath.Component] = []
    private(set) var changes: [FieldChange] = []

    /// The differences between `old` and `new`, in the order their fields are written in YAML.
    static func changes(from old: Value, to new: Value) -> [FieldChange] {
        var differ = ValueDiffer()
        differ.compare(old, new)
        return differ.changes
    }

    private mutating func record(_ edit: FieldChange.Edit) {
        changes.append(FieldChange(path: DiffPath(path), edit: edit))
    }

    private mutating func compare(_ old: Value, _ new: Value) {
        switch (old, new) {
        case (.mapping(let a), .mapping(let b)):
            compareMappings(a, b)
        case (.sequence(let a), .sequence(let b)):
            if old == new { return }
            if let identity = ListIdentity.find(a, b) {
                compareKeyed(a, b, by: identity)
            } else {
                comparePositional(a, b)
            }
        default:
            if old != new { record(.changed(old: old, new: new)) }
        }
    }

    private mutating func descend(_ component: DiffPath.Component, _ old: Value, _ new: Value) {
        if old == new { return }
        path.append(component)
        compare(old, new)
        path.removeLast()
    }

    private mutating func record(_ component: DiffPath.Component, _ edit: FieldChange.Edit) {
        path.append(component)
        record(edit)
        path.removeLast()
    }

    private mutating func compareMappings(_ a: Mapping, _ b: Mapping) {
        var keys = a.keys
        for key in b.keys where a.index(forKey: key) == nil { keys.append(key) }
        keys.sort(by: KubectlKeyOrder.areInIncreasingOrder)
        for key in keys {
            switch (a[key], b[key]) {
            case (let x?, let y?): descend(.key(key), x, y)
            case (let x?, nil): record(.key(key), .removed(x))
            case (nil, let y?): record(.key(key), .added(y))
            case (nil, nil): break
            }
        }
    }

    private mutating func comparePositional(_ a: [Value], _ b: [Value]) {
        for i in 0..<max(a.count, b.count) {
            switch (i < a.count, i < b.count) {
            case (true, true): descend(.index(i), a[i], b[i])
            case (true, false): record(.index(i), .removed(a[i]))
            default: record(.index(i), .added(b[i]))
            }
        }
    }

    /// Entries are matched by identity: an entry only the old list has is removed, one only the
    /// new list has is added, shared entries are compared, and a change in the order of the
    /// shared entries is reported once, at the list.
    private mutating func compareKeyed(_ a: [Value], _ b: [Value], by identity: ListIdentity) {
        let oldIDs = a.map { identity.identity(of: $0)! }
        let newIDs = b.map { identity.identity(of: $0)! }
        var oldIndex: [Value: Int] = [:]
        for (i, id) in oldIDs.enumerated() { oldIndex[id] = i }
        let newSet = Set(newIDs)
        let sharedOld = oldIDs.filter { newSet.contains($0) }
        let sharedNew = newIDs.filter { oldIndex[$0] != nil }
        if sharedOld != sharedNew {
            record(.reordered(old: sharedOld.map(ListIdentity.text), new: sharedNew.map(ListIdentity.text)))
        }
        for (j, id) in newIDs.enumerated() {
            let text = ListIdentity.text(of: id)
            if let i = oldIndex[id] {
                descend(.entry(key: identity.name, identity: text, oldIndex: i, newIndex: j), a[i], b[j])
            } else {
                record(.entry(key: identity.name, identity: text, oldIndex: nil, newIndex: j), .added(b[j]))
            }
        }
        for (i, id) in oldIDs.enumerated() where !newSet.contains(id) {
            record(.entry(key: identity.name, identity: ListIdentity.text(of: id), oldIndex: i, newIndex: nil), .removed(a[i]))
        }
    }
}
