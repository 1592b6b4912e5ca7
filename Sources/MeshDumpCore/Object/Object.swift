/// A Kubernetes object: its value, and where it came from.
///
/// An object has a string `apiVersion`, `kind` and `metadata.name`; the initializer refuses
/// anything else with an error naming the origin.
public struct Object: Sendable {
    public var value: Value
    public var origin: Origin

    public init(value: Value, origin: Origin) throws(ObjectError) {
        guard case .mapping(let map) = value else {
            throw ObjectError(origin: origin, message: "not a Kubernetes object: the document is a \(value.typeName), not a mapping")
        }
        for (path, label) in [(["apiVersion"], "apiVersion"), (["kind"], "kind"), (["metadata", "name"], "metadata.name")] {
            switch Value.mapping(map)[path: path] {
            case .string(let s) where !s.isEmpty: continue
            case .string: throw ObjectError(origin: origin, message: "not a Kubernetes object: \(label) is empty")
            case nil, .null: throw ObjectError(origin: origin, message: "not a Kubernetes object: it has no \(label)")
            case let other?: throw ObjectError(origin: origin, message: "not a Kubernetes object: \(label) is a \(other.typeName), not a string")
            }
        }
        if let ns = value[path: ["metadata", "namespace"]], ns.stringValue == nil, ns != .null {
            throw ObjectError(origin: origin, message: "metadata.namespace is a \(ns.typeName), not a string")
        }
        self.value = value
        self.origin = origin
    }

    public var apiVersion: String { value["apiVersion"]?.stringValue ?? "" }
    public var kind: String { value["kind"]?.stringValue ?? "" }
    public var name: String { value[path: ["metadata", "name"]]?.stringValue ?? "" }
    public var namespace: String { value[path: ["metadata", "namespace"]]?.stringValue ?? "" }
    public var group: String { ObjectID.split(apiVersion: apiVersion).group }
    public var version: String { ObjectID.split(apiVersion: apiVersion).version }

    public var id: ObjectID {
        ObjectID(group: group, kind: kind, namespace: namespace, name: name)
    }
}

/// A document that is not a Kubernetes object, or an object meshdump cannot handle.
public struct ObjectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: Origin
    public var message: String

    public init(origin: Origin, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): \(message)" }
}
