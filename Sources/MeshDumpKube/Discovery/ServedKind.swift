import MeshDumpCore

/// A kind the API server serves, at the version meshdump lists it.
public struct ServedKind: Sendable, Hashable, CustomStringConvertible {
    /// The kind, with its resource name and scope as the server reported them.
    public var kind: Kind
    /// The version chosen: the group's preferred one when it serves the kind, else the newest that does.
    public var version: String
    /// Every version the server serves the kind at, the chosen one first, then by preference
    /// (what `apply` names when an object's own version is not among them).
    public var versions: [String]

    public init(kind: Kind, version: String, versions: [String]? = nil) {
        self.kind = kind
        self.version = version
        self.versions = versions ?? [version]
    }

    public var group: String { kind.group }
    public var resource: String { kind.resource }
    public var namespaced: Bool { kind.namespaced }

    /// `networking.istio.io/v1`, or `v1` for the core group.
    public var apiVersion: String { kind.group.isEmpty ? version : "\(kind.group)/\(version)" }

    /// `/apis/networking.istio.io/v1`, or `/api/v1` for the core group.
    public var groupVersionPath: String { kind.group.isEmpty ? "/api/\(version)" : "/apis/\(kind.group)/\(version)" }

    /// The collection's path: cluster-wide when `namespace` is nil, else in that namespace
    /// (percent-encoded, so no namespace can change the path's shape).
    public func collectionPath(namespace: String?) -> String {
        guard let namespace, namespaced else { return "\(groupVersionPath)/\(kind.resource)" }
        return "\(groupVersionPath)/namespaces/\(URLEncoding.pathSegment(namespace))/\(kind.resource)"
    }

    /// One object's path.
    public func objectPath(namespace: String?, name: String) -> String {
        collectionPath(namespace: namespace) + "/" + URLEncoding.pathSegment(name)
    }

    /// `virtualservices.networking.istio.io`
    public var description: String { kind.qualifiedResource }
}

/// A kind the server does not serve (or serves but cannot list), and why.
public struct SkippedKind: Sendable, Hashable, CustomStringConvertible {
    public var kind: Kind
    public var reason: String

    public var description: String { "\(kind.qualifiedResource): \(reason)" }
}

/// What discovery found for the kinds asked for.
public struct Discovery: Sendable {
    /// Served kinds: those asked for, in the order asked, then (for all-istio) every other
    /// listable kind under `*.istio.io`, sorted by group and resource.
    public var served: [ServedKind] = []
    /// Kinds the server does not serve: reported, not errors.
    public var skipped: [SkippedKind] = []
    /// Kinds whose discovery failed (the group's resource list could not be fetched).
    public var failed: [(kind: Kind, error: KubeError)] = []
}
