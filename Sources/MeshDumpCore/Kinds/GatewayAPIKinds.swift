/// The Kubernetes Gateway API kinds (`gateway.networking.k8s.io`), standard and experimental
/// channels, as their CRDs declare them (v1.2 to v1.4; the preferred version first).
///
/// Its Gateway shares the resource name `gateways` with Istio's: `gateway`, `gw` and `gateways`
/// mean Istio's (as they always did in meshdump); `gtw` or `gateways.gateway.networking.k8s.io`
/// name this one.
public enum GatewayAPIKinds {
    public static let group = "gateway.networking.k8s.io"

    public static let all: [Kind] = [
        Kind(group: group, kind: "GatewayClass", resource: "gatewayclasses", shortNames: ["gc"], versions: ["v1", "v1beta1"],
             namespaced: false, isDefault: false),
        Kind(group: group, kind: "Gateway", resource: "gateways", shortNames: ["gtw"], versions: ["v1", "v1beta1"], isDefault: false),
        Kind(group: group, kind: "HTTPRoute", resource: "httproutes", versions: ["v1", "v1beta1"], isDefault: false),
        Kind(group: group, kind: "GRPCRoute", resource: "grpcroutes", versions: ["v1", "v1alpha2"], isDefault: false),
        Kind(group: group, kind: "TCPRoute", resource: "tcproutes", versions: ["v1alpha2"], isDefault: false),
        Kind(group: group, kind: "TLSRoute", resource: "tlsroutes", versions: ["v1alpha2"], isDefault: false),
        Kind(group: group, kind: "UDPRoute", resource: "udproutes", versions: ["v1alpha2"], isDefault: false),
        Kind(group: group, kind: "ReferenceGrant", resource: "referencegrants", shortNames: ["refgrant"], versions: ["v1beta1", "v1alpha2"],
             isDefault: false),
        Kind(group: group, kind: "BackendTLSPolicy", resource: "backendtlspolicies", shortNames: ["btlspolicy"], versions: ["v1", "v1alpha3"],
             isDefault: false),
    ]
}
