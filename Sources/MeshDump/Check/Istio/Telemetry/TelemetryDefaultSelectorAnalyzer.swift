import MeshDumpCore

extension MessageType {
    /// IST0160: two Telemetries of one namespace have no selector.
    public static let multipleTelemetriesWithoutWorkloadSelectors = MessageType(
        name: "MultipleTelemetriesWithoutWorkloadSelectors", code: "IST0160", severity: .error,
        description: "More than one telemetry resource in a namespace has no workload selector")
}

/// `telemetry.DefaultSelectorAnalyzer`: more than one Telemetry of a namespace has no
/// `selector`, so which one applies is undefined. Needs no Pods.
public struct TelemetryDefaultSelectorAnalyzer: Analyzer {
    public init() {}

    public var name: String { "telemetry.DefaultSelectorAnalyzer" }
    public var messages: [MessageType] { [.multipleTelemetriesWithoutWorkloadSelectors] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var byNamespace: [String: [SnapshotObject]] = [:]
        for telemetry in snapshot.objects(.telemetry) where (telemetry.spec["selector"] ?? .null) == .null {
            byNamespace[telemetry.namespace, default: []].append(telemetry)
        }
        for namespace in byNamespace.keys.sorted() {
            let list = byNamespace[namespace]!
            guard list.count > 1 else { continue }
            for telemetry in list {
                report.add(.multipleTelemetriesWithoutWorkloadSelectors, telemetry,
                           "The Telemetries \(WorkloadSelection.names(list)) in namespace \(GoFormat.quoted(namespace)) have no workload selector, which can lead to undefined behavior. Keep one of them, or give the others a selector.")
            }
        }
    }
}
