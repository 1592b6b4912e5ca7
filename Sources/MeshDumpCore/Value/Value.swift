/// A Kubernetes document: the data of one YAML or JSON document, with mapping keys kept in
/// input order and numbers kept as their exact source text.
///
/// Numbers never pass through `Double`: `12345678901234567890`, `1.50` and `1e3` are written back
/// exactly as they were read. Integers read from YAML 1.1 forms (`0755`, `0x1F`, `1_000`) are
/// stored in decimal, the form JSON and the API server use.
public enum Value: Sendable {
    case null
    case bool(Bool)
    /// An integer, as JSON-compatible decimal text (`-12`, `12345678901234567890`).
    case int(String)
    /// A floating-point number, as JSON-compatible text (`1.50`, `1e3`), or `.inf`/`-.inf`/`.nan`
    /// when read from YAML (those cannot be written as JSON).
    case float(String)
    case string(String)
    case sequence([Value])
    case mapping(Mapping)
}

extension Value {
    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The mapping, when this is a mapping.
    public var mappingValue: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    /// The elements, when this is a sequence.
    public var sequenceValue: [Value]? {
        if case .sequence(let s) = self { return s }
        return nil
    }

    /// The value under `key` when this is a mapping; `nil` otherwise or when the key is absent.
    public subscript(key: String) -> Value? {
        get { mappingValue?[key] }
        set {
            guard case .mapping(var m) = self else { return }
            self = .null  // drop the reference so `m` stays uniquely owned
            m[key] = newValue
            self = .mapping(m)
        }
    }

    /// Follows a path of mapping keys; `nil` when any step is missing or not a mapping.
    public subscript(path path: [String]) -> Value? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// A short name of the value's type, for messages (`mapping`, `string`, …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .float: "number"
        case .string: "string"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int) { self = .int(String(value)) }
    public init(arrayLiteral elements: Value...) { self = .sequence(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var m = Mapping()
        for (k, v) in elements { m[k] = v }
        self = .mapping(m)
    }
}
