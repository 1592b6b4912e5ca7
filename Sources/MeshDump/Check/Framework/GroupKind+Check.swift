import MeshDumpCore

/// What `meshdump check` adds to `GroupKind` (the ApplySet's group and kind, which a
/// `MeshSnapshot` indexes objects by and analyzers ask for): an object's kind, the kind as
/// people say it, cluster scope, and the kinds analyzers use.
extension GroupKind {
    /// The group and kind of an object.
    public init(of object: Object) {
        self.init(group: object.group, kind: object.kind)
    }

    /// The kind as people say it: `Service`, `VirtualService`; a kind outside the core and Istio
    /// groups is qualified by its group (`Gateway.gateway.networking.k8s.io`).
    public var displayName: String {
        if group.isEmpty || group == "istio.io" || group.hasSuffix(".istio.io") { return kind }
        return "\(kind).\(group)"
    }

    /// Kinds that have no namespace: an object of these kinds never gets the default namespace.
    public var isClusterScoped: Bool { Self.clusterScoped.contains(self) }

    private static let clusterScoped: Set<GroupKind> = [
        .namespace, .node, GroupKind(group: "", kind: "PersistentVolume"),
        GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
        GroupKind(group: "gateway.networking.k8s.io", kind: "GatewayClass"),
        GroupKind(group: "storage.k8s.io", kind: "StorageClass"),
        GroupKind(group: "scheduling.k8s.io", kind: "PriorityClass"),
    ]
}

extension GroupKind {
    // Istio
    public static let virtualService = GroupKind(group: "networking.istio.io", kind: "VirtualService")
    public static let gateway = GroupKind(group: "networking.istio.io", kind: "Gateway")
    public static let destinationRule = GroupKind(group: "networking.istio.io", kind: "DestinationRule")
    public static let serviceEntry = GroupKind(group: "networking.istio.io", kind: "ServiceEntry")
    public static let sidecar = GroupKind(group: "networking.istio.io", kind: "Sidecar")
    public static let envoyFilter = GroupKind(group: "networking.istio.io", kind: "EnvoyFilter")
    public static let workloadEntry = GroupKind(group: "networking.istio.io", kind: "WorkloadEntry")
    public static let proxyConfig = GroupKind(group: "networking.istio.io", kind: "ProxyConfig")
    public static let authorizationPolicy = GroupKind(group: "security.istio.io", kind: "AuthorizationPolicy")
    public static let peerAuthentication = GroupKind(group: "security.istio.io", kind: "PeerAuthentication")
    public static let requestAuthentication = GroupKind(group: "security.istio.io", kind: "RequestAuthentication")
    public static let telemetry = GroupKind(group: "telemetry.istio.io", kind: "Telemetry")
    // Kubernetes
    public static let service = GroupKind(group: "", kind: "Service")
    public static let pod = GroupKind(group: "", kind: "Pod")
    public static let secret = GroupKind(group: "", kind: "Secret")
    public static let configMap = GroupKind(group: "", kind: "ConfigMap")
    public static let namespace = GroupKind(group: "", kind: "Namespace")
    public static let node = GroupKind(group: "", kind: "Node")
    public static let deployment = GroupKind(group: "apps", kind: "Deployment")
    /// The Kubernetes Gateway API's Gateway (not Istio's).
    public static let kubernetesGateway = GroupKind(group: "gateway.networking.k8s.io", kind: "Gateway")
}
