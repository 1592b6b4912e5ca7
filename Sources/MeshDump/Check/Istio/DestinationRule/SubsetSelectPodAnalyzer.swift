import MeshDumpCore

extension MessageType {
    /// IST0173: a DestinationRule subset that selects no pod.
    public static let destinationRuleSubsetNotSelectPods = MessageType(
        name: "DestinationRuleSubsetNotSelectPods", code: "IST0173", severity: .error,
        description: "Subsets defined in destination does not select any pods.")
    /// IST0174: a DestinationRule for a host no service has.
    public static let unknownDestinationRuleHost = MessageType(
        name: "UnknownDestinationRuleHost", code: "IST0174", severity: .warning,
        description: "Host defined in destination rule does not match any services in the mesh.")
}

/// `destinationrule.SubsetSelectPodAnalyzer`: a DestinationRule's host is a Service or
/// ServiceEntry host it can see, and each of its subsets selects at least one Pod (with the
/// ServiceEntry's workload selector, and the topology labels Istio adds from the pod's Node).
/// Hosts of Kubernetes Services need Services in the sources, other hosts ServiceEntries;
/// subsets are checked only with Pods in the sources.
public struct SubsetSelectPodAnalyzer: Analyzer {
    public init() {}

    public var name: String { "destinationrule.SubsetSelectPodAnalyzer" }
    public var messages: [MessageType] { [.destinationRuleSubsetNotSelectPods, .unknownDestinationRuleHost] }
    public var requirements: [KindRequirement] { [KindRequirement(.service, .serviceEntry)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let services = ServiceHosts(snapshot)
        let podLabels = snapshot.holds(.pod) ? Self.podLabels(snapshot) : nil
        for rule in snapshot.objects(.destinationRule) {
            let host = rule.spec["host"]?.stringValue ?? ""
            let target: ServiceHosts.Target
            switch services.lookup(host: host, namespace: rule.namespace, exportTo: rule.specStrings("exportTo")) {
            case .found(let found): target = found
            case .unknown(let reason):
                report.skip(reason)
                continue
            case .missing:
                report.add(.unknownDestinationRuleHost, rule, field: FieldPath("spec", "host"),
                           "The host \(host) defined in the DestinationRule does not match any services in the mesh. "
                               + "Add the Service or ServiceEntry for it, or correct the host.")
                continue
            }
            let subsets = rule.spec["subsets"]?.sequenceValue ?? []
            guard !subsets.isEmpty else { continue }
            guard let podLabels else {
                report.skip("subsets not checked: no Pod in the sources")
                continue
            }
            var seen: Set<String> = []
            for (i, subset) in subsets.enumerated() {
                let name = subset["name"]?.scalarText ?? ""
                guard seen.insert(name).inserted else { continue }
                let selector = target.workloadLabels.merging(LabelSet(subset["labels"]))
                guard !podLabels.containsMatch(selector) else { continue }
                report.add(.destinationRuleSubsetNotSelectPods, rule, field: FieldPath("spec", "subsets").index(i),
                           "The Subset \(name) defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream). "
                               + "Correct the subset's labels, or deploy the workload it is meant for.")
            }
        }
    }

    /// Each Pod's labels with those Istio adds: the node's region, zone and subzone, and
    /// `kubernetes.io/hostname`.
    private static func podLabels(_ snapshot: MeshSnapshot) -> LabelIndex {
        LabelIndex(labels: snapshot.objects(.pod).map { pod in
            var labels: [String: String] = [:]
            for (key, value) in pod.labels { labels[key] = value }
            let nodeName = pod.spec["nodeName"]?.stringValue ?? ""
            if let node = snapshot.object(.node, namespace: "", name: nodeName) {
                let region = node.label("topology.kubernetes.io/region") ?? ""
                let zone = node.label("topology.kubernetes.io/zone") ?? ""
                let subzone = node.label("topology.istio.io/subzone") ?? ""
                if !region.isEmpty { labels["topology.kubernetes.io/region"] = region }
                if !zone.isEmpty {
                    labels["topology.kubernetes.io/zone"] = zone
                    if !subzone.isEmpty { labels["topology.istio.io/subzone"] = subzone }
                }
            }
            if !nodeName.isEmpty { labels["kubernetes.io/hostname"] = nodeName }
            return labels
        })
    }
}
