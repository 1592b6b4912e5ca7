import MeshDumpCore

extension MessageType {
    /// IST0110: two Sidecars select one Pod.
    public static let conflictingSidecarWorkloadSelectors = MessageType(
        name: "ConflictingSidecarWorkloadSelectors", code: "IST0110", severity: .error,
        description: "A Sidecar resource selects the same workloads as another Sidecar resource")
    /// IST0111: two Sidecars of one namespace have no workload selector.
    public static let multipleSidecarsWithoutWorkloadSelectors = MessageType(
        name: "MultipleSidecarsWithoutWorkloadSelectors", code: "IST0111", severity: .error,
        description: "More than one sidecar resource in a namespace has no workload selector")
    /// IST0167: a policy for workloads without sidecars.
    public static let ineffectivePolicy = MessageType(
        name: "IneffectivePolicy", code: "IST0167", severity: .warning,
        description: "The policy applied has no impact.")
}

/// `sidecar.SelectorAnalyzer`: a Sidecar's workload selector selects no Pod of its namespace, or
/// a Pod another Sidecar selects too; more than one Sidecar of a namespace has no selector; a
/// Sidecar applies to ambient workloads, which have no sidecar.
public struct SidecarSelectorAnalyzer: Analyzer {
    public init() {}

    public var name: String { "sidecar.SelectorAnalyzer" }
    public var messages: [MessageType] {
        [.referencedResourceNotFound, .conflictingSidecarWorkloadSelectors, .multipleSidecarsWithoutWorkloadSelectors, .ineffectivePolicy]
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let sidecars = snapshot.objects(.sidecar)
        var reported: Set<ObjectID> = []
        if snapshot.holds(.pod) {
            checkSelectors(sidecars, snapshot, report, &reported)
        } else if sidecars.contains(where: { !Self.selector($0).isEmpty }) {
            report.skip("workload selectors not checked: no Pod in the sources")
        }
        var byNamespace: [String: [SnapshotObject]] = [:]
        for sidecar in sidecars where Self.selector(sidecar).isEmpty { byNamespace[sidecar.namespace, default: []].append(sidecar) }
        for namespace in byNamespace.keys.sorted() {
            let list = byNamespace[namespace]!
            if MeshMembership.isAmbient(namespace: snapshot.object(.namespace, namespace: "", name: namespace)) {
                for sidecar in list where reported.insert(sidecar.id).inserted {
                    report.add(.ineffectivePolicy, sidecar, Self.ineffective("namespace is in ambient mode, the policy has no impact"))
                }
            } else if list.count > 1 {
                for sidecar in list {
                    report.add(.multipleSidecarsWithoutWorkloadSelectors, sidecar,
                               "The Sidecars \(WorkloadSelection.names(list)) in namespace \(GoFormat.quoted(namespace)) have no workload selector, which can lead to undefined behavior. Keep one of them, or give the others a workloadSelector.")
                }
            }
        }
    }

    private func checkSelectors(_ sidecars: [SnapshotObject], _ snapshot: MeshSnapshot, _ report: FindingReport, _ reported: inout Set<ObjectID>) {
        let selection = WorkloadSelection(sidecars, labels: Self.selector, in: snapshot)
        for (sidecar, labels) in selection.unmatched {
            report.add(.referencedResourceNotFound, sidecar, field: FieldPath("spec", "workloadSelector", "labels", labels.firstKey ?? ""),
                       IstioText.referencedResourceNotFound("selector", labels.text)
                           + ". No Pod in namespace \(sidecar.namespace) has these labels: fix the workloadSelector, or deploy the workload first.")
        }
        for (pod, list) in selection.policiesByPod {
            let ambient = MeshMembership.isAmbient(pod: pod)
            guard list.count > 1 || ambient else { continue }
            for sidecar in list {
                if ambient {
                    if reported.insert(sidecar.id).inserted {
                        report.add(.ineffectivePolicy, sidecar, Self.ineffective("selected workload is in ambient mode, the policy has no impact"))
                    }
                    continue
                }
                report.add(.conflictingSidecarWorkloadSelectors, sidecar, field: FieldPath("metadata", "name"),
                           "The Sidecars \(WorkloadSelection.names(list)) in namespace \(GoFormat.quoted(pod.namespace)) select the same workload pod \(GoFormat.quoted(pod.name)), which can lead to undefined behavior. Make their workload selectors select disjoint Pods.")
            }
        }
    }

    /// `spec.workloadSelector.labels`.
    static func selector(_ sidecar: SnapshotObject) -> LabelSet {
        LabelSet(sidecar.spec[path: ["workloadSelector", "labels"]])
    }

    static func ineffective(_ reason: String) -> String {
        "The policy has no impact: \(reason)."
    }
}
