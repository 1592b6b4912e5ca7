import MeshDumpCore

/// Compares two values and lists their differences: mappings by key, lists entry by entry as
/// `ListAlignment` pairs them (by identifying key, see `ListIdentity`, or by content), everything
/// else by value (`Value`'s `==`: numbers by numeric value, `10.0` equal to `10` as the API
/// server makes them; strings exactly, so `"10"` is not `10`).
struct ValueDiffer {
    /// The path so far as shown, and as JSON Pointer tokens into each side (nil past an entry
    /// only the other side has).
    private var steps: [FieldPath.Step] = []
    private var oldTokens: [String] = []
    private var newTokens: [String] = []
    private(set) var changes: [FieldChange] = []

    /// The differences between `old` and `new`, in the order their fields are written in YAML.
    static func changes(from old: Value, to new: Value) -> [FieldChange] {
        var differ = ValueDiffer()
        differ.compare(old, new)
        return differ.changes
    }

    private mutating func record(_ edit: FieldChange.Edit) {
        let hasOld: Bool, hasNew: Bool
        switch edit {
        case .added: (hasOld, hasNew) = (false, true)
        case .removed: (hasOld, hasNew) = (true, false)
        case .changed, .reordered: (hasOld, hasNew) = (true, true)
        }
        changes.append(FieldChange(path: FieldPath(steps),
                                   oldPointer: hasOld ? JSONPointer(tokens: oldTokens) : nil,
                                   newPointer: hasNew ? JSONPointer(tokens: newTokens) : nil,
                                   edit: edit))
    }

    private mutating func compare(_ old: Value, _ new: Value) {
        switch (old, new) {
        case (.mapping(let a), .mapping(let b)):
            compareMappings(a, b)
        case (.sequence(let a), .sequence(let b)):
            if old != new { compareLists(a, b) }
        default:
            if old != new { record(.changed(old: old, new: new)) }
        }
    }

    /// Steps into a place both sides have (the tokens of each) and compares it there.
    private mutating func descend(_ step: FieldPath.Step, _ oldToken: String, _ newToken: String, _ old: Value, _ new: Value) {
        if old == new { return }
        steps.append(step)
        oldTokens.append(oldToken)
        newTokens.append(newToken)
        compare(old, new)
        steps.removeLast()
        oldTokens.removeLast()
        newTokens.removeLast()
    }

    /// Records an edit one step further (the token of the side that has the place).
    private mutating func record(_ step: FieldPath.Step, _ token: String, _ edit: FieldChange.Edit) {
        steps.append(step)
        oldTokens.append(token)
        newTokens.append(token)
        record(edit)
        steps.removeLast()
        oldTokens.removeLast()
        newTokens.removeLast()
    }

    private mutating func compareMappings(_ a: Mapping, _ b: Mapping) {
        var keys = a.keys
        for key in b.keys where a.index(forKey: key) == nil { keys.append(key) }
        keys.sort(by: KubectlKeyOrder.areInIncreasingOrder)
        for key in keys {
            switch (a[key], b[key]) {
            case (let x?, let y?): descend(.key(key), key, key, x, y)
            case (let x?, nil): record(.key(key), key, .removed(x))
            case (nil, let y?): record(.key(key), key, .added(y))
            case (nil, nil): break
            }
        }
    }

    /// Entries as `ListAlignment` pairs them: shared entries compared, the others added or
    /// removed, and a change in the order of the shared entries reported once, at the list.
    /// Entries of a list with an identifying key are named by it (`[name=canary]`), others by
    /// position (`[2]`: in the new list, or the old one for a removed entry).
    private mutating func compareLists(_ a: [Value], _ b: [Value]) {
        let identity = ListIdentity.find(a, b)
        let alignment = ListAlignment(a, b, identity: identity)
        func step(_ entry: Value, at index: Int) -> FieldPath.Step {
            guard let identity else { return .index(index) }
            return .entry(key: identity.name, identity: ListIdentity.text(of: identity.identity(of: entry)!))
        }
        if alignment.isReordered {
            let label: (Int) -> String = { i in identity.map { ListIdentity.text(of: $0.identity(of: a[i])!) } ?? "[\(i)]" }
            record(.reordered(old: alignment.pairs.map(\.old).sorted().map(label), new: alignment.pairs.map(\.old).map(label)))
        }
        for s in alignment.steps {
            switch s {
            case .paired(let i, let j): descend(step(b[j], at: j), String(i), String(j), a[i], b[j])
            case .removed(let i): record(step(a[i], at: i), String(i), .removed(a[i]))
            case .added(let j): record(step(b[j], at: j), String(j), .added(b[j]))
            }
        }
    }
}
