/// Every analyzer `meshdump check` runs. Each group is a list beside its analyzers' folder; a
/// new analyzer joins its group's list (and with it `all`, `--disable`, the help text and the
/// istioctl table test).
public enum Analyzers {
    public static let all: [any Analyzer] = istio

    /// istioctl analyze's analyzers, ported: same names, codes and message names.
    public static let istio: [any Analyzer] = virtualService + gateway + destinationRule

    /// `virtualservice.*`
    static let virtualService: [any Analyzer] = [
        VirtualServiceGatewayAnalyzer(), VirtualServiceDestinationHostAnalyzer(), VirtualServiceDestinationRuleAnalyzer(),
        ConflictingMeshGatewayHostsAnalyzer(), JWTClaimRouteAnalyzer(),
    ]

    /// `gateway.*`
    static let gateway: [any Analyzer] = [
        ConflictingGatewayAnalyzer(), GatewayCertificateAnalyzer(), GatewaySecretAnalyzer(), IngressGatewayPortAnalyzer(),
    ]

    /// `destinationrule.*`
    static let destinationRule: [any Analyzer] = [CaCertificateAnalyzer(), SubsetSelectPodAnalyzer()]
}
