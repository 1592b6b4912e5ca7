import MeshDumpCore

/// A reference an object makes: where it is, its form, and the string as written.
public struct Reference: Sendable, Hashable {
    public var path: FieldPath
    public var form: ReferenceForm
    public var value: String
}

/// Finds the references an object makes, by its kind's fields (`ReferenceFields`), walking the
/// object once along a tree of the kind's field paths.
public enum References {
    /// Every reference in `object`.
    public static func all(in object: Object) -> [Reference] {
        var found: [Reference] = []
        forEach(in: object.value, group: object.group, kind: object.kind) { found.append($0) }
        return found
    }

    /// Calls `body` with each reference in `value`, an object of the given group and kind.
    static func forEach(in value: Value, group: String, kind: String, _ body: (Reference) -> Void) {
        var path: [FieldPath.Step] = []
        path.reserveCapacity(12)
        walk(value, FieldTree.of(group: group, kind: kind), &path, body)
    }

    private static func walk(_ node: Value, _ tree: FieldTree, _ path: inout [FieldPath.Step], _ body: (Reference) -> Void) {
        switch node {
        case .string(let s):
            if let form = tree.form { body(Reference(path: FieldPath(path), form: form, value: s)) }
        case .sequence(let items):
            guard let each = tree.each else { return }
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                walk(item, each, &path, body)
                path.removeLast()
            }
        case .mapping(let m):
            if tree.isCondition { condition(m, &path, body) }
            for (key, child) in tree.children {
                guard let v = m[key] else { continue }
                path.append(.key(key))
                walk(v, child, &path, body)
                path.removeLast()
            }
        default:
            return
        }
    }

    /// An AuthorizationPolicy condition: its values are references when its key says so.
    private static func condition(_ m: Mapping, _ path: inout [FieldPath.Step], _ body: (Reference) -> Void) {
        guard let key = m["key"]?.stringValue, let form = ReferenceFields.conditionForms[key] else { return }
        for list in ["values", "notValues"] {
            guard case .sequence(let items)? = m[list] else { continue }
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else { continue }
                body(Reference(path: FieldPath(path + [.key(list), .index(i)]), form: form, value: s))
            }
        }
    }
}

/// The field paths of one kind merged into a tree, so an object is walked once.
final class FieldTree: Sendable {
    let children: [(key: String, tree: FieldTree)]
    let each: FieldTree?
    /// The form of a string found here.
    let form: ReferenceForm?
    /// AuthorizationPolicy `when` entries are here.
    let isCondition: Bool

    private init(_ fields: [(steps: ArraySlice<FieldPath.Step>, form: ReferenceForm?, condition: Bool)]) {
        var keys: [String] = []
        var byKey: [String: [(ArraySlice<FieldPath.Step>, ReferenceForm?, Bool)]] = [:]
        var eachFields: [(ArraySlice<FieldPath.Step>, ReferenceForm?, Bool)] = []
        var form: ReferenceForm? = nil
        var isCondition = false
        for field in fields {
            switch field.steps.first {
            case nil:
                if field.condition { isCondition = true } else { form = field.form }
            case .key(let k)?:
                if byKey[k] == nil { keys.append(k) }
                byKey[k, default: []].append((field.steps.dropFirst(), field.form, field.condition))
            case .each?:
                eachFields.append((field.steps.dropFirst(), field.form, field.condition))
            case .index?, .entry?:
                preconditionFailure("ReferenceFields: a field path has keys and [*] only")
            }
        }
        children = keys.map { ($0, FieldTree(byKey[$0]!)) }
        each = eachFields.isEmpty ? nil : FieldTree(eachFields)
        self.form = form
        self.isCondition = isCondition
    }

    private struct KindKey: Hashable {
        var group: String
        var kind: String
    }

    private static let trees: [KindKey: FieldTree] = {
        var trees: [KindKey: FieldTree] = [:]
        for (group, kind) in ReferenceFields.kinds {
            var fields = ReferenceFields.fields(group: group, kind: kind).map { ($0.path.steps[...], Optional($0.form), false) }
            if group == "security.istio.io" && kind == "AuthorizationPolicy" {
                fields.append((ReferenceFields.conditionsPath.steps[...], nil, true))
            }
            trees[KindKey(group: group, kind: kind)] = FieldTree(fields)
        }
        return trees
    }()

    private static let anyKind = FieldTree(ReferenceFields.fields(group: "", kind: "").map { ($0.path.steps[...], Optional($0.form), false) })

    static func of(group: String, kind: String) -> FieldTree {
        trees[KindKey(group: group, kind: kind)] ?? anyKind
    }
}
