/// Every kind meshdump knows without asking a server: Istio's, the built-in Kubernetes kinds
/// users name, and the Gateway API's, in that order, so a name two tables share (`gateways`)
/// means Istio's.
public enum KnownKinds {
    public static let all: [Kind] = IstioKinds.all + KubernetesKinds.all + GatewayAPIKinds.all

    private static let byGroupAndKind: [String: Kind] = Dictionary(all.map { ($0.group + "/" + $0.kind, $0) }, uniquingKeysWith: { a, _ in a })

    /// The kind with this group and kind name.
    public static func kind(group: String, kind: String) -> Kind? {
        byGroupAndKind[group + "/" + kind]
    }

    /// The kind a user's name refers to (`vs`, `ns`, `secrets`, `httproutes.gateway.networking.k8s.io`).
    public static func named(_ name: String) -> Kind? {
        all.first { $0.isNamed(name) }
    }

    /// Every way to name the known kinds (resources, kinds, short names), for suggestions.
    public static var names: [String] {
        all.flatMap(\.names)
    }
}
