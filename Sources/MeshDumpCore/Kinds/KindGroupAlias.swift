/// A `--kinds` name for every kind of some API groups: `all-istio` (every `*.istio.io` group)
/// and `gateway-api` (`gateway.networking.k8s.io`). A cluster adds the kinds its discovery finds
/// there; files give every kind of those groups they hold.
public enum KindGroupAlias: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case allIstio = "all-istio"
    case gatewayAPI = "gateway-api"

    /// Whether kinds of this API group belong to the alias.
    public func contains(group: String) -> Bool {
        switch self {
        case .allIstio: group == "istio.io" || group.hasSuffix(".istio.io")
        case .gatewayAPI: group == GatewayAPIKinds.group
        }
    }

    /// The kinds of the alias meshdump knows, asked for whether a server serves them or not.
    public var knownKinds: [Kind] {
        switch self {
        case .allIstio: IstioKinds.all
        case .gatewayAPI: GatewayAPIKinds.all
        }
    }

    public var description: String { rawValue }
}
