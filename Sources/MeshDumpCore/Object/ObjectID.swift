/// The identity of a Kubernetes object: group, kind, namespace and name.
///
/// The version is not part of it: `networking.istio.io/v1beta1` and `/v1` of one VirtualService
/// are the same object served at two versions.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group (`networking.istio.io`; empty for the core group).
    public var group: String
    public var kind: String
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String
    public var name: String

    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// Objects sort by group, kind, namespace, then name.
    public static func < (a: ObjectID, b: ObjectID) -> Bool {
        (a.group, a.kind, a.namespace, a.name) < (b.group, b.kind, b.namespace, b.name)
    }

    /// `Kind namespace/name` (or `Kind name` when cluster-scoped), as people say it.
    public var description: String {
        namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)"
    }

    /// Splits an apiVersion into group and version (`v1` is the core group).
    public static func split(apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
}
