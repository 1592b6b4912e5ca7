import MeshDumpCore

extension MessageType {
    /// IST0159: two Telemetries select one Pod.
    public static let conflictingTelemetryWorkloadSelectors = MessageType(
        name: "ConflictingTelemetryWorkloadSelectors", code: "IST0159", severity: .error,
        description: "A Telemetry resource selects the same workloads as another Telemetry resource")
}

/// `telemetry.SelectorAnalyzer`: a Telemetry's `selector.matchLabels` selects no Pod of its
/// namespace, or a Pod another Telemetry selects too.
public struct TelemetrySelectorAnalyzer: Analyzer {
    public init() {}

    public var name: String { "telemetry.SelectorAnalyzer" }
    public var messages: [MessageType] { [.referencedResourceNotFound, .conflictingTelemetryWorkloadSelectors] }
    public var requirements: [KindRequirement] { [KindRequirement(.pod)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let selection = WorkloadSelection(snapshot.objects(.telemetry), labels: {
            LabelSet($0.spec[path: ["selector", "matchLabels"]])
        }, in: snapshot)
        for (telemetry, labels) in selection.unmatched {
            report.add(.referencedResourceNotFound, telemetry, field: FieldPath("spec", "selector", "matchLabels", labels.firstKey ?? ""),
                       IstioText.referencedResourceNotFound("selector", labels.text)
                           + ". No Pod in namespace \(telemetry.namespace) has these labels: fix the selector, or deploy the workload first.")
        }
        for (pod, list) in selection.policiesByPod where list.count > 1 {
            for telemetry in list {
                report.add(.conflictingTelemetryWorkloadSelectors, telemetry, field: FieldPath("metadata", "name"),
                           "The Telemetries \(WorkloadSelection.names(list)) in namespace \(GoFormat.quoted(pod.namespace)) select the same workload pod \(GoFormat.quoted(pod.name)), which can lead to undefined behavior. Make their selectors select disjoint Pods.")
            }
        }
    }
}
