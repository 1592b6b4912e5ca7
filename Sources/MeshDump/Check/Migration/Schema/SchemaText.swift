import MeshDumpCore

/// How schema violations name types, values and fields.
enum SchemaText {
    /// The fields of ObjectMeta a manifest may carry.
    static let objectMetaFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]

    /// `a list`, `an integer`, … for an OpenAPI type.
    static func typeWithArticle(_ type: String) -> String {
        switch type {
        case "object": "a mapping"
        case "array": "a list"
        case "integer": "an integer"
        default: "a " + type
        }
    }

    /// A value as it appears in a message: strings quoted, numbers and booleans as written.
    static func literal(_ value: Value) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .int(let s), .float(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        default: value.typeName
        }
    }

    /// A bound without a needless `.0`.
    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e18 ? String(Int64(d)) : String(d)
    }

    /// Field names, each once, in order: `simple, consistentHash`.
    static func names(_ names: [String]) -> String {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
}
