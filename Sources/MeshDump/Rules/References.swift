import MeshDumpCore

/// A reference an object makes: where it is, its form, and the string as written.
public struct Reference: Sendable, Hashable {
    public var path: FieldPath
    public var form: ReferenceForm
    public var value: String
}

/// Finds the references an object makes, by its kind's fields (`ReferenceFields`).
public enum References {
    /// Every reference in `object`, in field-table order.
    public static func all(in object: Object) -> [Reference] {
        var found: [Reference] = []
        forEach(in: object.value, group: object.group, kind: object.kind) { found.append($0) }
        return found
    }

    /// Calls `body` with each reference in `value`, an object of the given group and kind.
    static func forEach(in value: Value, group: String, kind: String, _ body: (Reference) -> Void) {
        let fields = ReferenceFields.fields(group: group, kind: kind)
        var path: [FieldPath.Component] = []
        for field in fields {
            walk(value, field.steps[...], &path) { leaf, path in
                if case .string(let s) = leaf { body(Reference(path: FieldPath(path), form: field.form, value: s)) }
            }
        }
        if group == "security.istio.io" && kind == "AuthorizationPolicy" {
            walk(value, ReferenceFields.conditionsPath[...], &path) { condition, path in
                guard let key = condition["key"]?.stringValue, let form = ReferenceFields.conditionForms[key] else { return }
                for list in ["values", "notValues"] {
                    guard case .sequence(let items)? = condition[list] else { continue }
                    for (i, item) in items.enumerated() {
                        guard case .string(let s) = item else { continue }
                        body(Reference(path: FieldPath(path + [.key(list), .index(i)]), form: form, value: s))
                    }
                }
            }
        }
    }

    private static func walk(_ node: Value, _ steps: ArraySlice<ReferenceFields.Field.Step>, _ path: inout [FieldPath.Component],
                             _ leaf: (Value, [FieldPath.Component]) -> Void) {
        guard let step = steps.first else {
            leaf(node, path)
            return
        }
        switch step {
        case .key(let k):
            guard case .mapping(let m) = node, let child = m[k] else { return }
            path.append(.key(k))
            walk(child, steps.dropFirst(), &path, leaf)
            path.removeLast()
        case .each:
            guard case .sequence(let items) = node else { return }
            for (i, child) in items.enumerated() {
                path.append(.index(i))
                walk(child, steps.dropFirst(), &path, leaf)
                path.removeLast()
            }
        }
    }
}
