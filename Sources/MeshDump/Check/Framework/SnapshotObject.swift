import MeshDumpCore

/// One object of a `MeshSnapshot`: the object as read, with the namespace it lives in once
/// applied (its own, or the snapshot's default namespace when it has none).
public struct SnapshotObject: Sendable {
    public let object: Object
    public let groupKind: GroupKind
    /// The namespace the object is in: `metadata.namespace`, else the snapshot's default
    /// namespace; empty for cluster-scoped kinds.
    public let namespace: String
    public let name: String

    init(object: Object, defaultNamespace: String) {
        self.object = object
        groupKind = GroupKind(of: object)
        name = object.name
        let own = object.namespace
        namespace = !own.isEmpty || groupKind.isClusterScoped ? own : defaultNamespace
    }

    public var value: Value { object.value }
    public var origin: Origin { object.origin }
    /// `spec`, or null when the object has none.
    public var spec: Value { object.value["spec"] ?? .null }

    /// The identity, with the namespace the object lives in.
    public var id: ObjectID { ObjectID(group: groupKind.group, kind: groupKind.kind, namespace: namespace, name: name) }

    /// `namespace/name`, or the name alone when the namespace is empty (as Istio prints names).
    public var fullName: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    /// The value of a label, or nil.
    public func label(_ key: String) -> String? {
        object.value[path: ["metadata", "labels", key]]?.scalarText
    }

    /// The labels with string values, in the order written.
    public var labels: [(key: String, value: String)] {
        Self.stringEntries(object.value[path: ["metadata", "labels"]])
    }

    /// The value of an annotation, or nil.
    public func annotation(_ key: String) -> String? {
        object.value[path: ["metadata", "annotations", key]]?.scalarText
    }

    /// The entries of a string-to-string mapping (labels, selectors), skipping values that are
    /// not scalars; empty when `value` is not a mapping.
    public static func stringEntries(_ value: Value?) -> [(key: String, value: String)] {
        guard case .mapping(let map)? = value else { return [] }
        return map.compactMap { entry in entry.value.scalarText.map { (entry.key, $0) } }
    }
}

extension Value {
    /// A scalar as the text Go would unmarshal into a string field: strings as they are,
    /// numbers and booleans as written; nil for null, lists and mappings.
    public var scalarText: String? {
        switch self {
        case .string(let s): s
        case .int(let t), .float(let t): t
        case .bool(let b): b ? "true" : "false"
        case .null, .sequence, .mapping: nil
        }
    }
}
