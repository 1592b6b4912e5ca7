import MeshDumpCore

/// A field the API server would refuse: where it is and why.
struct SchemaViolation: Sendable, Equatable {
    enum Problem: Sendable, Equatable {
        /// A field the schema does not know (strict field validation refuses it).
        case unknownField
        /// A value of the wrong type, outside its enum or range, or a required field missing.
        case invalidValue
    }

    var problem: Problem
    var path: FieldPath
    var message: String
}

/// Checks an object against a structural schema as the API server does on create with
/// `fieldValidation=Strict`: unknown fields, types, enums, required fields, ranges, lengths and
/// the `oneOf`/`anyOf`/`allOf`/`not` alternatives. A null is accepted anywhere: the server drops
/// nulls of non-nullable fields before it validates.
struct SchemaValidator {
    private(set) var violations: [SchemaViolation] = []
    private var path: [FieldPath.Step] = []

    /// The violations of `object` (a whole object: apiVersion, kind and metadata are implied).
    static func violations(of object: Value, schema: SchemaNode) -> [SchemaViolation] {
        var validator = SchemaValidator()
        validator.check(object, schema, isResource: true)
        return validator.violations
    }

    private mutating func report(_ problem: SchemaViolation.Problem, _ message: String) {
        violations.append(SchemaViolation(problem: problem, path: FieldPath(path), message: message))
    }

    private mutating func check(_ value: Value, _ node: SchemaNode, isResource: Bool = false) {
        if case .null = value { return }
        guard checkType(value, node) else { return }
        if let allowed = node.enumValues, !allowed.contains(value) {
            let list = allowed.map(SchemaText.literal).joined(separator: ", ")
            report(.invalidValue, "must be one of \(list) (is \(SchemaText.literal(value)))")
        }
        checkBounds(value, node)
        switch value {
        case .mapping(let m): checkMapping(m, node, isResource: isResource || node.embeddedResource)
        case .sequence(let items):
            guard let itemNode = node.items else { break }
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                check(item, itemNode)
                path.removeLast()
            }
        default: break
        }
        checkAlternatives(value, node)
    }

    /// Whether the value has the node's type (reporting it when not).
    private mutating func checkType(_ value: Value, _ node: SchemaNode) -> Bool {
        if node.intOrString {
            switch value {
            case .int, .string: return true
            default:
                report(.invalidValue, "must be an integer or a string, not \(value.typeNameWithArticle)")
                return false
            }
        }
        guard let type = node.type else { return true }
        switch (type, value) {
        case ("object", .mapping), ("array", .sequence), ("string", .string), ("boolean", .bool),
            ("integer", .int), ("number", .int), ("number", .float):
            return true
        case ("integer", .float(let text)) where Double(text).map({ $0.rounded() == $0 }) ?? false:
            return true
        default:
            report(.invalidValue, "must be \(SchemaText.typeWithArticle(type)), not \(value.typeNameWithArticle)")
            return false
        }
    }

    private mutating func checkMapping(_ m: Mapping, _ node: SchemaNode, isResource: Bool) {
        for i in m.keys.indices {  // by index: Mapping's iterator is not specialized across modules
            let (key, child) = (m.keys[i], m.values[i])
            path.append(.key(key))
            defer { path.removeLast() }
            if let childNode = node.properties[key] {
                check(child, childNode)
            } else if isResource && (key == "apiVersion" || key == "kind") {
                if child.stringValue == nil { report(.invalidValue, "must be a string, not \(child.typeNameWithArticle)") }
            } else if isResource && key == "metadata" {
                checkMetadata(child)
            } else if case .schema(let additional) = node.additional {
                check(child, additional)
            } else if case .none = node.additional, !node.preservesUnknownFields, node.type == "object" {
                report(.unknownField, "unknown field \"\(key)\"")
            }
        }
        for name in node.required where m[name] == nil {
            report(.invalidValue, "is missing required field \"\(name)\"")
        }
    }

    /// ObjectMeta as the API server checks it: known fields, labels and annotations string maps.
    private mutating func checkMetadata(_ value: Value) {
        guard case .mapping(let m) = value else {
            if value != .null { report(.invalidValue, "must be a mapping, not \(value.typeNameWithArticle)") }
            return
        }
        for (key, child) in m {
            path.append(.key(key))
            defer { path.removeLast() }
            if key == "labels" || key == "annotations" {
                guard case .mapping(let entries) = child else {
                    if child != .null { report(.invalidValue, "must be a mapping, not \(child.typeNameWithArticle)") }
                    continue
                }
                for (k, v) in entries where v.stringValue == nil && v != .null {
                    path.append(.key(k))
                    report(.invalidValue, "must be a string, not \(v.typeNameWithArticle) (quote it)")
                    path.removeLast()
                }
            } else if !SchemaText.objectMetaFields.contains(key) {
                report(.unknownField, "unknown field \"\(key)\" in metadata")
            }
        }
    }

    private mutating func checkBounds(_ value: Value, _ node: SchemaNode) {
        guard node.hasBounds else { return }
        if let number = SchemaNode.number(value) {
            if let min = node.minimum, number < min || (node.exclusiveMinimum && number == min) {
                report(.invalidValue, "must be \(node.exclusiveMinimum ? "greater than" : "at least") \(SchemaText.number(min))")
            }
            if let max = node.maximum, number > max || (node.exclusiveMaximum && number == max) {
                report(.invalidValue, "must be \(node.exclusiveMaximum ? "less than" : "at most") \(SchemaText.number(max))")
            }
        }
        let (count, unit, low, high): (Int, String, Int?, Int?)
        switch value {
        case .string(let s): (count, unit, low, high) = (s.unicodeScalars.count, "characters", node.minLength, node.maxLength)
        case .sequence(let s): (count, unit, low, high) = (s.count, "items", node.minItems, node.maxItems)
        case .mapping(let m): (count, unit, low, high) = (m.count, "entries", node.minProperties, node.maxProperties)
        default: return
        }
        if let low, count < low { report(.invalidValue, "must have at least \(low) \(unit) (has \(count))") }
        if let high, count > high { report(.invalidValue, "must have at most \(high) \(unit) (has \(count))") }
    }

    /// `allOf`, `anyOf`, `oneOf` and `not`, each alternative checked on its own.
    private mutating func checkAlternatives(_ value: Value, _ node: SchemaNode) {
        guard node.hasAlternatives else { return }
        for branch in node.allOf { check(value, branch) }
        if !node.anyOf.isEmpty && !node.anyOf.contains(where: { passes(value, $0) }) {
            report(.invalidValue, "must set one of \(SchemaText.names(node.anyOf.flatMap(\.requiredNames)))")
        }
        if !node.oneOf.isEmpty && node.oneOf.filter({ passes(value, $0) }).count != 1 {
            let names = node.oneOf.flatMap(\.requiredNames)
            let present = value.mappingValue.map { m in names.filter { m[$0] != nil } } ?? []
            let set = present.isEmpty ? "" : " (sets \(SchemaText.names(present)))"
            report(.invalidValue, "may set only one of \(SchemaText.names(names))\(set)")
        }
        if let not = node.not, passes(value, not) {
            report(.invalidValue, "must not set \(SchemaText.names(not.requiredNames))")
        }
    }

    private func passes(_ value: Value, _ node: SchemaNode) -> Bool {
        if node.isPresenceOnly { return node.isMet(byPresenceIn: value) }
        var inner = SchemaValidator()
        inner.check(value, node)
        return inner.violations.isEmpty
    }
}
