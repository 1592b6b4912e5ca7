import MeshDumpCore

/// The object that stands for an ApplySet on the cluster: by default a Secret in the mesh's
/// root namespace. Its identity fixes the set's id, so a set cannot borrow another's.
public struct ApplySetParent: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    /// Empty for a cluster-scoped parent.
    public var namespace: String
    public var name: String

    public init(group: String, version: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.version = version
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The default parent: a Secret named `name` in `namespace` (Istio's root namespace unless told).
    public static func secret(named name: String, namespace: String = "istio-system") -> ApplySetParent {
        ApplySetParent(group: "", version: "v1", kind: "Secret", namespace: namespace, name: name)
    }

    /// `applyset-<base64url(sha256("<name>.<namespace>.<kind>.<group>"))>-v1`, exactly as
    /// KEP-3659 and kubectl compute it (an empty namespace for a cluster-scoped parent).
    public var id: String {
        let hashed = SHA256.digest(Array("\(name).\(namespace).\(kind).\(group)".utf8))
        return "applyset-\(Base64URL.encode(hashed))-v1"
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var objectID: ObjectID { ObjectID(group: group, kind: kind, namespace: namespace, name: name) }

    /// `Secret istio-system/mesh`
    public var description: String { objectID.description }
}
