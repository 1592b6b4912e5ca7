/// The label and annotation keys of the ApplySet specification (KEP-3659), spelt as kubectl
/// writes them (the KEP's prose says `applyset.k8s.io/`; the implementation and every tool use
/// `applyset.kubernetes.io/`).
public enum ApplySetKeys {
    /// Label on the parent: the set's id. It is what makes an object an ApplySet parent.
    public static let id = "applyset.kubernetes.io/id"
    /// Label on every member: the id of the set it belongs to, the source of truth for membership.
    public static let partOf = "applyset.kubernetes.io/part-of"
    /// Annotation on the parent: `<tool>/<version>` of the tool that manages the set.
    public static let tooling = "applyset.kubernetes.io/tooling"
    /// Annotation on the parent: the members' group-kinds, `Kind.group`, sorted, comma-separated.
    public static let containsGroupKinds = "applyset.kubernetes.io/contains-group-kinds"
    /// Annotation on the parent: namespaces holding members besides the parent's own, sorted.
    public static let additionalNamespaces = "applyset.kubernetes.io/additional-namespaces"
}
