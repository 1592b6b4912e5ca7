/// A kind of object meshdump knows: its group, resource name, short names and served versions.
public struct Kind: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var kind: String
    /// The plural resource name, as in URLs and tree folders (`virtualservices`).
    public var resource: String
    public var shortNames: [String]
    /// Versions served (by the releases the kinds tables name), preferred first.
    public var versions: [String]
    public var namespaced: Bool
    /// One of the eleven kinds kubedump.sh exports, which meshdump exports by default.
    public var isDefault: Bool

    public init(group: String, kind: String, resource: String, shortNames: [String] = [], versions: [String],
                namespaced: Bool = true, isDefault: Bool) {
        self.group = group
        self.kind = kind
        self.resource = resource
        self.shortNames = shortNames
        self.versions = versions
        self.namespaced = namespaced
        self.isDefault = isDefault
    }

    /// `virtualservices.networking.istio.io`
    public var qualifiedResource: String { group.isEmpty ? resource : "\(resource).\(group)" }

    public var description: String { qualifiedResource }

    /// Whether `name` names this kind as `kubectl get NAME` would: its resource, singular, kind or
    /// a short name, in any case, optionally qualified by the group or by version and group (`vs`,
    /// `VirtualService`, `virtualservices.networking.istio.io`, `deployments.v1.apps`).
    public func isNamed(_ name: String) -> Bool {
        let lower = name.lowercased()
        var bare = Substring(lower)
        if !group.isEmpty, lower.hasSuffix("." + group) {
            bare = lower.dropLast(group.count + 1)
            if let dot = bare.lastIndex(of: "."), versions.contains(String(bare[bare.index(after: dot)...])) {
                bare = bare[..<dot]
            }
        }
        return bare == resource || bare == kind.lowercased() || shortNames.contains(String(bare))
    }

    /// Every unqualified name of the kind: resource, kind (lower case) and short names.
    public var names: [String] {
        var names = [resource]
        if kind.lowercased() != resource { names.append(kind.lowercased()) }
        return names + shortNames
    }
}
