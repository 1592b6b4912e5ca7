import MeshDumpCore

/// The mesh a check looks at: every object given, of any kind, indexed by group, kind,
/// namespace and name, with the mesh's settings.
///
/// Objects without a namespace are in the default namespace, as `kubectl apply` would put them.
/// When two objects have the same identity the later one wins (`read` puts files after
/// clusters, so files overlay a cluster). The snapshot knows which kinds its sources held at all (every kind it has an
/// object of, plus kinds a source listed and found empty), so an analyzer that needs a kind
/// the sources did not hold is skipped rather than left to guess.
public struct MeshSnapshot: Sendable {
    /// The namespace of objects that have none.
    public let defaultNamespace: String
    /// Root namespace, trust domain, default providers.
    public var mesh: MeshSettings
    /// The time certificates are judged at, in seconds since 1970-01-01 UTC.
    public var now: Int64
    /// Kinds the sources held, even with no object.
    public let heldKinds: Set<GroupKind>
    /// What the target cluster serves of the kinds the files hold; nil without a cluster.
    public var target: TargetAPIs?
    /// Objects of each kind, sorted by namespace and name.
    private let byKind: [GroupKind: [SnapshotObject]]
    /// Position in `byKind[kind]` of each namespace/name.
    private let positions: [GroupKind: [NamespacedName: Int]]

    /// Indexes `objects`; `listedKinds` are kinds a source listed completely (a cluster's),
    /// held even when it returned none.
    public init(objects: [Object], defaultNamespace: String = "default", listedKinds: Set<GroupKind> = [],
                mesh: MeshSettings = MeshSettings(), now: Int64 = 0) {
        self.defaultNamespace = defaultNamespace
        self.mesh = mesh
        self.now = now
        var latest: [GroupKind: [NamespacedName: SnapshotObject]] = [:]
        for object in objects {
            let entry = SnapshotObject(object: object, defaultNamespace: defaultNamespace)
            latest[entry.groupKind, default: [:]][NamespacedName(entry.namespace, entry.name)] = entry
        }
        var byKind: [GroupKind: [SnapshotObject]] = [:]
        var positions: [GroupKind: [NamespacedName: Int]] = [:]
        for (kind, entries) in latest {
            let sorted = entries.sorted { $0.key < $1.key }
            byKind[kind] = sorted.map(\.value)
            positions[kind] = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.key, $0) })
        }
        self.byKind = byKind
        self.positions = positions
        heldKinds = listedKinds.union(byKind.keys)
    }

    /// The objects of a kind, sorted by namespace and name.
    public func objects(_ kind: GroupKind) -> [SnapshotObject] {
        byKind[kind] ?? []
    }

    /// The object of a kind with this namespace and name.
    public func object(_ kind: GroupKind, namespace: String, name: String) -> SnapshotObject? {
        guard let i = positions[kind]?[NamespacedName(namespace, name)] else { return nil }
        return byKind[kind]?[i]
    }

    /// Whether the sources held this kind (so an absent object of it is really absent).
    public func holds(_ kind: GroupKind) -> Bool {
        heldKinds.contains(kind)
    }

    /// Every object, by kind then namespace and name.
    public var allObjects: [SnapshotObject] {
        byKind.keys.sorted().flatMap { byKind[$0]! }
    }

    /// How many objects the snapshot holds.
    public var count: Int { byKind.values.reduce(0) { $0 + $1.count } }
}

/// A namespace and name, the key of an object within its kind.
struct NamespacedName: Hashable, Comparable {
    var namespace: String
    var name: String

    init(_ namespace: String, _ name: String) {
        self.namespace = namespace
        self.name = name
    }

    static func < (a: NamespacedName, b: NamespacedName) -> Bool {
        (a.namespace, a.name) < (b.namespace, b.name)
    }
}
