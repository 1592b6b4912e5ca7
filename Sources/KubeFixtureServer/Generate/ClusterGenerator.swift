import MeshDumpCore

/// Synthesises a realistic mesh: `namespaces` × the first `kinds` default Istio kinds ×
/// `objectsPerKind` objects, each with labels, the kubectl last-applied annotation, a spec
/// typical of its kind, a status, and (added by the store) uid, resourceVersion,
/// creationTimestamp, generation and managedFields. The same numbers give the same objects.
/// With `dependencies`, also what the mesh needs around it (`ClusterGenerator+Dependencies`).
public struct ClusterGenerator: Sendable {
    public var namespaces: Int
    public var kinds: Int
    public var objectsPerKind: Int
    /// Also the gateway workload, Services, ServiceAccounts, Secrets and Gateway API objects.
    public var dependencies: Bool

    public init(namespaces: Int, kinds: Int, objectsPerKind: Int, dependencies: Bool = false) {
        self.namespaces = namespaces
        self.kinds = kinds
        self.objectsPerKind = objectsPerKind
        self.dependencies = dependencies
    }

    /// Parses `50x11x20`.
    public init?(shape: String) {
        let parts = shape.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 3, parts[0] >= 0, (0...IstioKinds.defaults.count).contains(parts[1]), parts[2] >= 0 else { return nil }
        self.init(namespaces: parts[0], kinds: parts[1], objectsPerKind: parts[2])
    }

    public var objectCount: Int { namespaces * kinds * objectsPerKind }

    public static let teams = ["payments", "checkout", "catalog", "search", "orders", "accounts", "inventory", "shipping", "billing", "reviews"]
    public static let services = ["reviews", "ratings", "details", "productpage", "frontend", "cart", "currency", "email", "payment",
                           "recommendation", "ads", "catalog", "search", "auth", "users", "orders", "inventory", "notifications",
                           "gateway", "ledger"]

    public static func namespaceName(_ i: Int) -> String { "\(teams[i % teams.count])-\(i / teams.count)" }

    public func populate(_ cluster: inout FixtureCluster) throws {
        for n in 0..<namespaces {
            let namespace = Self.namespaceName(n)
            try cluster.add(["apiVersion": "v1", "kind": "Namespace",
                             "metadata": ["name": .string(namespace), "labels": ["istio-injection": "enabled", "team": .string(Self.teams[n % Self.teams.count])]]])
            for kind in IstioKinds.defaults.prefix(kinds) {
                for j in 0..<objectsPerKind {
                    try cluster.add(object(kind, namespace: namespace, index: j, seed: n))
                }
            }
        }
        if dependencies { try populateDependencies(&cluster) }
    }

    func object(_ kind: Kind, namespace: String, index j: Int, seed: Int) -> Value {
        let service = Self.services[j % Self.services.count]
        let name = Self.objectName(j)
        let spec = IstioSpecs(service: service, namespace: namespace, variant: j + seed).spec(for: kind.kind)
        let apiVersion = Value.string("\(kind.group)/\(kind.versions[0])")
        let labels: Value = ["app": .string(service), "app.kubernetes.io/part-of": .string(namespace), "version": .string("v\(1 + j % 3)")]
        var applied: Value = ["apiVersion": apiVersion, "kind": .string(kind.kind),
                              "metadata": ["annotations": ["meshdump.io/owner": .string("team-\(namespace)")], "labels": labels,
                                           "name": .string(name), "namespace": .string(namespace)],
                              "spec": spec]
        var lastApplied = JSONText.bytes(applied)
        lastApplied.append(0x0A)
        applied["metadata"]?["annotations"] = [
            "kubectl.kubernetes.io/last-applied-configuration": .string(String(decoding: lastApplied, as: UTF8.self)),
            "meshdump.io/owner": .string("team-\(namespace)"),
        ]
        applied["metadata"]?["creationTimestamp"] = .string(Self.timestamp(seed * 977 + j * 131))
        applied["status"] = IstioSpecs.status(variant: j + seed)
        return applied
    }

    /// A creation time in 2025, spread by `offset` minutes.
    static func timestamp(_ offset: Int) -> String {
        let minutes = offset % (300 * 24 * 60)
        let day = minutes / (24 * 60), hour = (minutes / 60) % 24, minute = minutes % 60
        let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0, dayOfMonth = day
        while dayOfMonth >= monthDays[month] { dayOfMonth -= monthDays[month]; month += 1 }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "2025-\(two(month + 1))-\(two(dayOfMonth + 1))T\(two(hour)):\(two(minute)):\(two((offset * 7) % 60))Z"
    }
}
