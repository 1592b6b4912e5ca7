/// The kinds of Istio configuration meshdump handles.
///
/// The first eleven are the kinds kubedump.sh exports (in its order), which meshdump exports by
/// default; WorkloadEntry, WorkloadGroup and WasmPlugin are optional extras. Versions are those
/// Istio 1.18 to 1.24 serve, the group's preferred version first.
public enum IstioKinds {
    public static let all: [Kind] = [
        Kind(group: "networking.istio.io", kind: "VirtualService", resource: "virtualservices", shortNames: ["vs"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "Gateway", resource: "gateways", shortNames: ["gw"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "EnvoyFilter", resource: "envoyfilters",
             versions: ["v1alpha3"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "DestinationRule", resource: "destinationrules", shortNames: ["dr"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "Sidecar", resource: "sidecars",
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: true),
        Kind(group: "security.istio.io", kind: "PeerAuthentication", resource: "peerauthentications", shortNames: ["pa"],
             versions: ["v1", "v1beta1"], isDefault: true),
        Kind(group: "security.istio.io", kind: "AuthorizationPolicy", resource: "authorizationpolicies", shortNames: ["ap"],
             versions: ["v1", "v1beta1"], isDefault: true),
        Kind(group: "security.istio.io", kind: "RequestAuthentication", resource: "requestauthentications", shortNames: ["ra"],
             versions: ["v1", "v1beta1"], isDefault: true),
        Kind(group: "telemetry.istio.io", kind: "Telemetry", resource: "telemetries", shortNames: ["telemetry"],
             versions: ["v1", "v1alpha1"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "ProxyConfig", resource: "proxyconfigs",
             versions: ["v1beta1"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "ServiceEntry", resource: "serviceentries", shortNames: ["se"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: true),
        Kind(group: "networking.istio.io", kind: "WorkloadEntry", resource: "workloadentries", shortNames: ["we"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: false),
        Kind(group: "networking.istio.io", kind: "WorkloadGroup", resource: "workloadgroups", shortNames: ["wg"],
             versions: ["v1", "v1beta1", "v1alpha3"], isDefault: false),
        Kind(group: "extensions.istio.io", kind: "WasmPlugin", resource: "wasmplugins",
             versions: ["v1alpha1"], isDefault: false),
    ]

    /// The eleven kinds kubedump.sh exports.
    public static var defaults: [Kind] { all.filter(\.isDefault) }

    /// The kind with this group and kind name.
    public static func kind(group: String, kind: String) -> Kind? {
        all.first { $0.group == group && $0.kind == kind }
    }

    /// The kind a user's name refers to (`vs`, `gateways`, `AuthorizationPolicy`).
    public static func named(_ name: String) -> Kind? {
        all.first { $0.isNamed(name) }
    }
}
