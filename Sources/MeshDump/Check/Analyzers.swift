import MeshDumpCore

/// Every analyzer `meshdump check` runs. Each group is a list beside its analyzers' folder; a
/// new analyzer joins its group's list (and with it `all`, `--disable`, the help text and the
/// istioctl table test).
public enum Analyzers {
    public static let all: [any Analyzer] = istio + migration

    /// Every analyzer, the schema check with the CustomResourceDefinitions of `--crds` besides
    /// those among the sources.
    public static func all(crds: [Object]) -> [any Analyzer] {
        crds.isEmpty ? all : all.map { $0 is SchemaAnalyzer ? SchemaAnalyzer(crds: crds) : $0 }
    }

    /// istioctl analyze's analyzers, ported: same names, codes and message names.
    public static let istio: [any Analyzer] = virtualService + gateway + destinationRule
        + sidecar + telemetry + auth + serviceEntry + envoyFilter + deprecation + schema

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

    /// `sidecar.*`
    static let sidecar: [any Analyzer] = [SidecarSelectorAnalyzer()]

    /// `telemetry.*`
    static let telemetry: [any Analyzer] = [TelemetrySelectorAnalyzer(), TelemetryDefaultSelectorAnalyzer()]

    /// `auth.*`
    static let auth: [any Analyzer] = [AuthorizationPoliciesAnalyzer()]

    /// `serviceentry.*`
    static let serviceEntry: [any Analyzer] = [ConflictingServiceEntryProtocolAnalyzer()]

    /// `envoyfilter.*`
    static let envoyFilter: [any Analyzer] = [EnvoyPatchAnalyzer()]

    /// `deprecation.*`
    static let deprecation: [any Analyzer] = [DeprecationAnalyzer()]

    /// `schema.ValidationAnalyzer.*`: the unreachable-rule part of VirtualService validation.
    static let schema: [any Analyzer] = [UnreachableRulesAnalyzer()]

    /// meshdump's own migration checks (`MD…` codes).
    public static let migration: [any Analyzer] = [
        RevisionAnalyzer(), RootNamespaceAnalyzer(), TrustDomainAnalyzer(), NamespaceReferenceAnalyzer(),
        CredentialSecretAnalyzer(), SchemaAnalyzer(), AllowNothingAnalyzer(),
    ]
}
