import MeshDumpCore

extension MessageType {
    /// MD0001: an object or namespace labelled for a control plane the target does not run.
    public static let revisionMismatch = MessageType(
        name: "RevisionMismatch", code: "MD0001", severity: .error,
        description: "An object or namespace is labelled for an Istio revision other than the target's: its control plane ignores the object, or does not inject the namespace's Pods.")
}

/// `meshdump.RevisionAnalyzer`: `istio.io/rev` labels (on any object, and on the Pod templates of
/// workloads) naming a revision other than the target's, and namespaces labelled
/// `istio-injection: enabled` when the target has no default revision. The target's revisions
/// are `--revision`, else those of the sidecar injector webhooks in the sources (their
/// `istio.io/rev` and `istio.io/tag` labels); without either the analyzer is skipped.
public struct RevisionAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.RevisionAnalyzer" }
    public var messages: [MessageType] { [.revisionMismatch] }

    static let mutatingWebhook = GroupKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration")
    private static let webhookKinds: Set<GroupKind> = [
        mutatingWebhook, GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
    ]
    private static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        guard let target = Self.targetRevisions(snapshot) else {
            report.skip("no --revision given and no sidecar injector webhook (MutatingWebhookConfiguration labelled istio.io/rev) in the sources")
            return
        }
        let targetText = target.names.sorted().joined(separator: ", ")
        for object in snapshot.allObjects where !Self.webhookKinds.contains(object.groupKind) {
            if let revision = object.label("istio.io/rev"), !target.accepts(revision) {
                report.add(.revisionMismatch, object, field: FieldPath("metadata", "labels", "istio.io/rev"),
                           "Labelled istio.io/rev=\(revision), but the target runs revision \(targetText): \(Self.consequence(object)) "
                               + "Relabel it for the target's revision (rewrite's `revision` mapping does this) or remove the label.")
            }
            if object.groupKind == .namespace, object.label("istio-injection") == "enabled", !target.accepts("default") {
                report.add(.revisionMismatch, object, field: FieldPath("metadata", "labels", "istio-injection"),
                           "Labelled istio-injection=enabled, which the default revision injects, but the target runs revision \(targetText) without a default tag: its Pods get no sidecar. "
                               + "Label the namespace istio.io/rev=\(target.names.sorted().first ?? "") instead, or tag a revision default.")
            }
            if object.groupKind.group == "apps" || object.groupKind.group == "batch", Self.workloadKinds.contains(object.groupKind.kind),
                let revision = object.value[path: ["spec", "template", "metadata", "labels", "istio.io/rev"]]?.scalarText,
                !target.accepts(revision)
            {
                report.add(.revisionMismatch, object, field: FieldPath("spec", "template", "metadata", "labels", "istio.io/rev"),
                           "Its Pods are labelled istio.io/rev=\(revision), but the target runs revision \(targetText): they get no sidecar. "
                               + "Relabel the Pod template for the target's revision or remove the label.")
            }
        }
    }

    /// What happens to an object labelled for another revision.
    private static func consequence(_ object: SnapshotObject) -> String {
        if object.groupKind == .namespace { return "its Pods get no sidecar." }
        if object.groupKind == .pod { return "it gets no sidecar." }
        return "that control plane ignores this object, so it has no effect."
    }

    /// The revisions (and tags) the target's control plane answers to.
    struct TargetRevisions {
        var names: Set<String>

        func accepts(_ revision: String) -> Bool {
            names.contains(revision.isEmpty ? "default" : revision)
        }
    }

    static func targetRevisions(_ snapshot: MeshSnapshot) -> TargetRevisions? {
        if let revision = snapshot.mesh.revision {
            return TargetRevisions(names: [revision.isEmpty ? "default" : revision])
        }
        var names: Set<String> = []
        for webhook in snapshot.objects(mutatingWebhook) {
            for key in ["istio.io/rev", "istio.io/tag"] {
                if let name = webhook.label(key) { names.insert(name.isEmpty ? "default" : name) }
            }
        }
        return names.isEmpty ? nil : TargetRevisions(names: names)
    }
}
