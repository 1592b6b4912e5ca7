import MeshDumpCore

/// One per-object rule: which objects it selects, and what it does to them.
///
/// A rule either drops what it matches or edits it: first its JSON Patch (a failing `test`
/// skips the whole rule for that object), then `removeLabels`, `setLabels`,
/// `removeAnnotations`, `setAnnotations`.
public struct Rule: Sendable {
    /// The rule's `name`, or `rules[N]` when it has none.
    public var name: String
    public var origin: Origin
    public var match: ObjectMatch
    public var setLabels: [(key: String, value: String)]
    public var removeLabels: [String]
    public var setAnnotations: [(key: String, value: String)]
    public var removeAnnotations: [String]
    public var drop: Bool
    public var patch: JSONPatch?
}

/// What selects an object: every given criterion must hold; an empty match selects everything.
public struct ObjectMatch: Sendable {
    /// Kinds (by kind, resource or short name in the rules file); nil means any kind.
    public var kinds: [Kind]?
    /// Namespace globs; nil means any namespace (cluster-scoped objects match only then).
    public var namespaces: [Glob]?
    public var names: [Glob]?
    public var labels: LabelSelector?
    /// `where`: fields that must hold a value.
    public var conditions: [FieldCondition]

    public init(kinds: [Kind]? = nil, namespaces: [Glob]? = nil, names: [Glob]? = nil, labels: LabelSelector? = nil,
                conditions: [FieldCondition] = []) {
        self.kinds = kinds
        self.namespaces = namespaces
        self.names = names
        self.labels = labels
        self.conditions = conditions
    }

    public func matches(_ object: Object) -> Bool {
        if let kinds {
            let group = object.group
            let kind = object.kind
            guard kinds.contains(where: { $0.kind == kind && $0.group == group }) else { return false }
        }
        let metadata = object.value["metadata"]?.mappingValue
        if let namespaces {
            guard let ns = metadata?["namespace"]?.stringValue, !ns.isEmpty, namespaces.contains(where: { $0.matches(ns) }) else { return false }
        }
        if let names {
            let name = metadata?["name"]?.stringValue ?? ""
            guard names.contains(where: { $0.matches(name) }) else { return false }
        }
        if let labels {
            let map = metadata?["labels"]?.mappingValue
            guard labels.matches({ map?[$0]?.stringValue }) else { return false }
        }
        return conditions.allSatisfy { $0.holds(in: object.value) }
    }
}

/// `{path: /spec/x, equals: value}`: the field at `path` exists and equals `value`.
public struct FieldCondition: Sendable {
    public var path: JSONPointer
    public var equals: Value

    public func holds(in value: Value) -> Bool {
        guard let actual = try? PointerEditor.value(at: path, in: value) else { return false }
        return actual == equals
    }
}
