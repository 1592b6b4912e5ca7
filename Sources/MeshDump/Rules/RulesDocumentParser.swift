import MeshDumpCore

/// Reads one `kind: Rules` document into a `RuleSet`, checking every field.
struct RulesDocumentParser {
    /// Rules in earlier documents, so unnamed rules are called `rules[N]` across the set.
    var ruleCountBefore: Int

    static let topLevelKeys = ["apiVersion", "kind", "namespaces", "hosts", "gateways", "gatewaySelectors", "trustDomain",
                               "clusterDomain", "revision", "rules"]

    func parse(_ root: RulesNode) throws(RulesFileError) -> RuleSet {
        var set = RuleSet()
        let entries = try root.entries(allowed: Self.topLevelKeys, what: "a mapping (apiVersion: \(RuleSet.apiVersion), kind: \(RuleSet.kind), …)")
        guard let apiVersion = root.child("apiVersion") else {
            throw root.error("missing apiVersion: \(RuleSet.apiVersion)")
        }
        guard try apiVersion.string() == RuleSet.apiVersion else {
            throw apiVersion.error("must be \(RuleSet.apiVersion), not \"\(apiVersion.value.stringValue ?? "")\"")
        }
        guard let kind = root.child("kind") else { throw root.error("missing kind: \(RuleSet.kind)") }
        guard try kind.string() == RuleSet.kind else {
            throw kind.error("must be \(RuleSet.kind), not \"\(kind.value.stringValue ?? "")\"")
        }
        for (key, node) in entries {
            switch key {
            case "namespaces":
                for (from, to, entry) in try node.stringMap(what: "namespace names (old: new)") {
                    guard KubernetesNames.isNamespace(from) else { throw entry.keyError("\"\(from)\" is not a namespace name (lowercase letters, digits and \"-\", at most 63)") }
                    guard KubernetesNames.isNamespace(to) else { throw entry.error("\"\(to)\" is not a namespace name (lowercase letters, digits and \"-\", at most 63)") }
                    guard from != to else { throw entry.error("maps namespace \(from) to itself") }
                    set.namespaces.append(NamespaceMove(from: from, to: to, origin: entry.keyOrigin))
                }
            case "hosts":
                for (from, to, entry) in try node.stringMap(what: "hosts (old: new)") {
                    guard KubernetesNames.isHost(from) else { throw entry.keyError("\"\(from)\" is not a host name or *.suffix wildcard") }
                    guard KubernetesNames.isHost(to) else { throw entry.error("\"\(to)\" is not a host name or *.suffix wildcard") }
                    guard from.hasPrefix("*.") == to.hasPrefix("*.") else {
                        throw entry.error("a wildcard host maps to a wildcard host and an exact host to an exact host; \"\(from)\" cannot become \"\(to)\"")
                    }
                    guard from != to else { throw entry.error("maps host \(from) to itself") }
                    set.hosts.append(HostMapping(from: from, to: to, origin: entry.keyOrigin))
                }
            case "gateways":
                for (from, to, entry) in try node.stringMap(what: "gateways (namespace/name: namespace/name)") {
                    guard let fromName = Self.gatewayName(from) else { throw entry.keyError("\"\(from)\" is not a gateway as namespace/name") }
                    guard let toName = Self.gatewayName(to) else { throw entry.error("\"\(to)\" is not a gateway as namespace/name") }
                    guard fromName != toName else { throw entry.error("maps gateway \(from) to itself") }
                    set.gateways.append(GatewayMapping(from: fromName, to: toName, origin: entry.keyOrigin))
                }
            case "gatewaySelectors":
                for item in try node.items(what: "a list of {from: labels, to: labels}") {
                    set.gatewaySelectors.append(try gatewaySelector(item))
                }
            case "trustDomain":
                let m = try fromTo(node)
                guard let from = m.from.value.stringValue, KubernetesNames.isTrustDomain(from) else { throw m.from.error("must be a trust domain (a name such as cluster.local)") }
                guard let to = m.to.value.stringValue, KubernetesNames.isTrustDomain(to) else { throw m.to.error("must be a trust domain (a name such as cluster.local)") }
                guard from != to else { throw node.error("maps trust domain \(from) to itself") }
                set.trustDomain = TrustDomainMapping(from: from, to: to, origin: node.origin)
            case "clusterDomain":
                let domain = try node.string()
                guard KubernetesNames.isHost(domain), !domain.hasPrefix("*") else { throw node.error("\"\(domain)\" is not a DNS domain") }
                set.clusterDomain = domain
                set.clusterDomainOrigin = node.origin
            case "revision":
                let m = try fromTo(node)
                let from = try m.from.string(what: "a revision (a label value such as 1-18-5)")
                guard KubernetesNames.isLabelValue(from), !from.isEmpty else { throw m.from.error("\"\(from)\" is not a label value") }
                var to: String? = nil
                if m.to.value != .null {
                    let t = try m.to.string(what: "a revision, or null to remove the label")
                    guard KubernetesNames.isLabelValue(t), !t.isEmpty else { throw m.to.error("\"\(t)\" is not a label value") }
                    to = t
                }
                guard from != to else { throw node.error("maps revision \(from) to itself") }
                set.revision = RevisionMapping(from: from, to: to, origin: node.origin)
            case "rules":
                for (i, item) in try node.items(what: "a list of rules").enumerated() {
                    set.rules.append(try RuleParser(number: ruleCountBefore + i).parse(item))
                }
            default:
                continue  // apiVersion, kind: checked above
            }
        }
        return set
    }

    /// `{from: …, to: …}` with both present.
    private func fromTo(_ node: RulesNode) throws(RulesFileError) -> (from: RulesNode, to: RulesNode) {
        _ = try node.entries(allowed: ["from", "to"], what: "a mapping {from: …, to: …}")
        guard let from = node.child("from") else { throw node.error("missing from") }
        guard let to = node.child("to") else { throw node.error("missing to") }
        return (from, to)
    }

    static func gatewayName(_ s: String) -> GatewayName? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, KubernetesNames.isNamespace(String(parts[0])), KubernetesNames.isObjectName(String(parts[1])) else { return nil }
        return GatewayName(namespace: String(parts[0]), name: String(parts[1]))
    }

    private func gatewaySelector(_ node: RulesNode) throws(RulesFileError) -> GatewaySelectorMapping {
        let m = try fromTo(node)
        func labels(_ n: RulesNode) throws(RulesFileError) -> [GatewaySelectorMapping.Label] {
            var out: [GatewaySelectorMapping.Label] = []
            for (key, value, entry) in try n.stringMap(what: "labels") {
                guard KubernetesNames.isLabelKey(key) else { throw entry.keyError("\"\(key)\" is not a label key") }
                guard KubernetesNames.isLabelValue(value) else { throw entry.error("\"\(value)\" is not a label value") }
                out.append(.init(key: key, value: value))
            }
            guard !out.isEmpty else { throw n.error("must hold at least one label (an empty selector selects every workload)") }
            return out
        }
        return GatewaySelectorMapping(from: try labels(m.from), to: try labels(m.to), origin: node.origin)
    }
}
