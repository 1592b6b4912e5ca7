/// The built-in Kubernetes kinds users name with `--kinds` (`ns`, `secrets`, `svc`, `deploy`),
/// with their real resource names, short names and scopes, so that trees get the right folders
/// without a cluster (`_cluster/namespaces/`, `team-a/services/`). Versions are those served
/// since Kubernetes 1.25, the group's preferred version first. A cluster's discovery has the
/// last word on what it serves; this table only names kinds.
public enum KubernetesKinds {
    public static let all: [Kind] = [
        namespace, secret, core("ConfigMap", "configmaps", ["cm"]), service,
        core("ServiceAccount", "serviceaccounts", ["sa"]), pod,
        core("Endpoints", "endpoints", ["ep"]),
        core("PersistentVolumeClaim", "persistentvolumeclaims", ["pvc"]),
        core("LimitRange", "limitranges", ["limits"]),
        core("ResourceQuota", "resourcequotas", ["quota"]),
        Kind(group: "apps", kind: "Deployment", resource: "deployments", shortNames: ["deploy"], versions: ["v1"], isDefault: false),
        Kind(group: "apps", kind: "StatefulSet", resource: "statefulsets", shortNames: ["sts"], versions: ["v1"], isDefault: false),
        Kind(group: "apps", kind: "DaemonSet", resource: "daemonsets", shortNames: ["ds"], versions: ["v1"], isDefault: false),
        Kind(group: "apps", kind: "ReplicaSet", resource: "replicasets", shortNames: ["rs"], versions: ["v1"], isDefault: false),
        Kind(group: "batch", kind: "Job", resource: "jobs", versions: ["v1"], isDefault: false),
        Kind(group: "batch", kind: "CronJob", resource: "cronjobs", shortNames: ["cj"], versions: ["v1"], isDefault: false),
        Kind(group: "autoscaling", kind: "HorizontalPodAutoscaler", resource: "horizontalpodautoscalers", shortNames: ["hpa"],
             versions: ["v2", "v1"], isDefault: false),
        Kind(group: "policy", kind: "PodDisruptionBudget", resource: "poddisruptionbudgets", shortNames: ["pdb"], versions: ["v1"], isDefault: false),
        Kind(group: "networking.k8s.io", kind: "NetworkPolicy", resource: "networkpolicies", shortNames: ["netpol"], versions: ["v1"], isDefault: false),
        Kind(group: "networking.k8s.io", kind: "Ingress", resource: "ingresses", shortNames: ["ing"], versions: ["v1"], isDefault: false),
        Kind(group: "networking.k8s.io", kind: "IngressClass", resource: "ingressclasses", versions: ["v1"], namespaced: false, isDefault: false),
        Kind(group: "discovery.k8s.io", kind: "EndpointSlice", resource: "endpointslices", versions: ["v1"], isDefault: false),
        Kind(group: "rbac.authorization.k8s.io", kind: "Role", resource: "roles", versions: ["v1"], isDefault: false),
        Kind(group: "rbac.authorization.k8s.io", kind: "RoleBinding", resource: "rolebindings", versions: ["v1"], isDefault: false),
        Kind(group: "rbac.authorization.k8s.io", kind: "ClusterRole", resource: "clusterroles", versions: ["v1"], namespaced: false, isDefault: false),
        Kind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding", resource: "clusterrolebindings", versions: ["v1"],
             namespaced: false, isDefault: false),
        Kind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition", resource: "customresourcedefinitions", shortNames: ["crd", "crds"],
             versions: ["v1"], namespaced: false, isDefault: false),
        Kind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration", resource: "mutatingwebhookconfigurations",
             versions: ["v1"], namespaced: false, isDefault: false),
        Kind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration", resource: "validatingwebhookconfigurations",
             versions: ["v1"], namespaced: false, isDefault: false),
    ]

    public static let namespace = core("Namespace", "namespaces", ["ns"], namespaced: false)
    public static let secret = core("Secret", "secrets")
    public static let service = core("Service", "services", ["svc"])
    public static let pod = core("Pod", "pods", ["po"])

    private static func core(_ kind: String, _ resource: String, _ shortNames: [String] = [], namespaced: Bool = true) -> Kind {
        Kind(group: "", kind: kind, resource: resource, shortNames: shortNames, versions: ["v1"], namespaced: namespaced, isDefault: false)
    }
}
