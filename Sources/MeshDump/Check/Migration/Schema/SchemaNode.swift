import MeshDumpCore

/// One node of a CustomResourceDefinition's structural schema (`openAPIV3Schema`): the parts the
/// API server checks before it stores an object. `pattern`, `format` and
/// `x-kubernetes-validations` (CEL) rules are read past, not checked.
final class SchemaNode: Sendable {
    /// `additionalProperties`: absent, `true`, or a schema every other key's value must meet.
    enum Additional: Sendable {
        case none
        case any
        case schema(SchemaNode)
    }

    let type: String?
    let properties: [String: SchemaNode]
    let additional: Additional
    let items: SchemaNode?
    let enumValues: [Value]?
    let required: [String]
    let nullable: Bool
    let preservesUnknownFields: Bool
    let intOrString: Bool
    /// `x-kubernetes-embedded-resource`: an object with its own apiVersion, kind and metadata.
    let embeddedResource: Bool
    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Bool
    let exclusiveMaximum: Bool
    let minLength: Int?
    let maxLength: Int?
    let minItems: Int?
    let maxItems: Int?
    let minProperties: Int?
    let maxProperties: Int?
    let allOf: [SchemaNode]
    let anyOf: [SchemaNode]
    let oneOf: [SchemaNode]
    let not: SchemaNode?
    /// Whether any bound is set (most nodes have none, and counting a string is not free).
    let hasBounds: Bool
    /// Whether any of allOf, anyOf, oneOf or not is set.
    let hasAlternatives: Bool
    /// Whether the node only requires fields to be present or absent (`required`, and `anyOf`
    /// and `not` of such nodes), as Istio's `oneOf` alternatives do: checked without a validator.
    let isPresenceOnly: Bool

    /// Reads a schema; parts of the wrong shape are ignored (the API server refused such a CRD).
    init(_ value: Value) {
        let m = value.mappingValue ?? Mapping()
        type = m["type"]?.stringValue
        var properties: [String: SchemaNode] = [:]
        for (key, child) in m["properties"]?.mappingValue ?? Mapping() { properties[key] = SchemaNode(child) }
        self.properties = properties
        switch m["additionalProperties"] {
        case .bool(true)?: additional = .any
        case .mapping(let schema)?: additional = .schema(SchemaNode(.mapping(schema)))
        default: additional = .none
        }
        items = m["items"].flatMap { $0.mappingValue == nil ? nil : SchemaNode($0) }
        enumValues = m["enum"]?.sequenceValue
        required = (m["required"]?.sequenceValue ?? []).compactMap(\.stringValue)
        nullable = m["nullable"] == .bool(true)
        preservesUnknownFields = m["x-kubernetes-preserve-unknown-fields"] == .bool(true)
        intOrString = m["x-kubernetes-int-or-string"] == .bool(true)
        embeddedResource = m["x-kubernetes-embedded-resource"] == .bool(true)
        minimum = Self.number(m["minimum"])
        maximum = Self.number(m["maximum"])
        exclusiveMinimum = m["exclusiveMinimum"] == .bool(true)
        exclusiveMaximum = m["exclusiveMaximum"] == .bool(true)
        minLength = Self.count(m["minLength"])
        maxLength = Self.count(m["maxLength"])
        minItems = Self.count(m["minItems"])
        maxItems = Self.count(m["maxItems"])
        minProperties = Self.count(m["minProperties"])
        maxProperties = Self.count(m["maxProperties"])
        allOf = (m["allOf"]?.sequenceValue ?? []).map(SchemaNode.init)
        anyOf = (m["anyOf"]?.sequenceValue ?? []).map(SchemaNode.init)
        oneOf = (m["oneOf"]?.sequenceValue ?? []).map(SchemaNode.init)
        not = m["not"].map(SchemaNode.init)
        hasBounds = minimum != nil || maximum != nil || minLength != nil || maxLength != nil || minItems != nil
            || maxItems != nil || minProperties != nil || maxProperties != nil
        hasAlternatives = !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil
        isPresenceOnly = type == nil && properties.isEmpty && items == nil && enumValues == nil && !hasBounds && !intOrString
            && !preservesUnknownFields && allOf.isEmpty && oneOf.isEmpty && anyOf.allSatisfy(\.isPresenceOnly)
            && (not?.isPresenceOnly ?? true) && m["additionalProperties"] == nil
    }

    /// The value of a number, when `value` is one.
    static func number(_ value: Value?) -> Double? {
        switch value {
        case .int(let s)?, .float(let s)?: Double(s)
        default: nil
        }
    }

    private static func count(_ value: Value?) -> Int? {
        if case .int(let s)? = value { return Int(s) }
        return nil
    }

    /// Whether `value` meets a presence-only node (see `isPresenceOnly`).
    func isMet(byPresenceIn value: Value) -> Bool {
        if case .mapping(let m) = value, !required.allSatisfy({ m[$0] != nil }) { return false }
        if !anyOf.isEmpty && !anyOf.contains(where: { $0.isMet(byPresenceIn: value) }) { return false }
        if let not, not.isMet(byPresenceIn: value) { return false }
        return true
    }

    /// The field names a `required`-only alternative names, for messages about `oneOf`.
    var requiredNames: [String] {
        required + anyOf.flatMap(\.requiredNames) + (not?.requiredNames ?? [])
    }
}
