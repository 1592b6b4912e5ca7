import MeshDumpCore

/// The mesh-wide mappings of a rule set, compiled for lookups: rewrites one object's
/// namespace, revision label, Gateway selector and every reference its kind makes.
///
/// Each mapping entry has an index (`entries`); rewrites count the fields each entry changed.
struct MeshRewriter: Sendable {
    /// Where a name goes, and which entry says so.
    struct Target: Sendable {
        var to: String
        var entry: Int
    }

    let entries: [MappingEntry]
    let namespaces: [String: Target]
    let exactHosts: [String: Target]
    /// `*.suffix` mappings as (`.from-suffix`, `.to-suffix`, entry), longest first.
    let wildcardHosts: [(from: String, to: String, entry: Int)]
    let gateways: [GatewayName: (to: GatewayName, entry: Int)]
    let selectors: [(mapping: GatewaySelectorMapping, entry: Int)]
    let trustDomain: (from: String, to: String, entry: Int)?
    let revision: (from: String, to: String?, entry: Int)?
    /// `.svc.<clusterDomain>` and `.svc`: how in-cluster service names end.
    let serviceSuffixes: [String]

    init(_ rules: RuleSet) {
        entries = rules.mappingEntries
        var next = 0
        func index() -> Int {
            defer { next += 1 }
            return next
        }
        var namespaces: [String: Target] = [:]
        for move in rules.namespaces { namespaces[move.from] = Target(to: move.to, entry: index()) }
        var exact: [String: Target] = [:]
        var wildcard: [(String, String, Int)] = []
        for host in rules.hosts {
            if host.isWildcard {
                wildcard.append((String(host.from.dropFirst()), String(host.to.dropFirst()), index()))
            } else {
                exact[host.from] = Target(to: host.to, entry: index())
            }
        }
        var gateways: [GatewayName: (GatewayName, Int)] = [:]
        for g in rules.gateways { gateways[g.from] = (g.to, index()) }
        self.namespaces = namespaces
        exactHosts = exact
        wildcardHosts = wildcard.sorted { $0.0.count > $1.0.count }
        self.gateways = gateways
        selectors = rules.gatewaySelectors.map { ($0, index()) }
        trustDomain = rules.trustDomain.map { ($0.from, $0.to, index()) }
        revision = rules.revision.map { ($0.from, $0.to, index()) }
        serviceSuffixes = [".svc." + rules.clusterDomain, ".svc"]
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Rewrites `value` (an object of `group`/`kind` in namespace `namespace`); returns the paths
    /// it changed. `tally[i]` counts the fields entry `i` changed; `warn` hears about references
    /// that name a mapped thing by a pattern and so cannot be rewritten.
    func rewrite(_ value: inout Value, group: String, kind: String, namespace: String, tally: inout [Int],
                 warn: (FieldPath, String) -> Void) -> [FieldPath] {
        var edits: [(FieldPath, Value?)] = []
        let newNamespace = namespaces[namespace]?.to ?? namespace
        if let target = namespaces[namespace] {
            tally[target.entry] += 1
            edits.append((FieldPath([.key("metadata"), .key("namespace")]), .string(target.to)))
        }
        if let revision, case .mapping(var labels)? = value[path: ["metadata", "labels"]],
           labels[RevisionMapping.label]?.stringValue == revision.from {
            tally[revision.entry] += 1
            labels[RevisionMapping.label] = revision.to.map { .string($0) }
            edits.append((FieldPath([.key("metadata"), .key("labels")]), labels.isEmpty ? nil : .mapping(labels)))
        }
        if group.isEmpty, kind == "Namespace", let name = value[path: ["metadata", "name"]]?.stringValue, let target = namespaces[name] {
            tally[target.entry] += 1
            edits.append((FieldPath([.key("metadata"), .key("name")]), .string(target.to)))
        }
        if group == "networking.istio.io", kind == "Gateway", let (selector, entry) = newSelector(value[path: ["spec", "selector"]]) {
            tally[entry] += 1
            edits.append((FieldPath([.key("spec"), .key("selector")]), .mapping(selector)))
        }
        var context = Context(rewriter: self, namespace: namespace, newNamespace: newNamespace, tally: tally)
        tally = []
        References.forEach(in: value, group: group, kind: kind) { reference in
            context.warning = nil
            if let new = context.rewrite(reference), new != reference.value {
                edits.append((reference.path, .string(new)))
            }
            if let warning = context.warning { warn(reference.path, warning) }
        }
        tally = context.tally
        for (path, newValue) in edits { path.set(newValue, in: &value) }
        return edits.map(\.0)
    }

    /// The Gateway selector after the first `gatewaySelectors` entry whose `from` labels it all
    /// holds: those labels replaced by `to`, in place where keys repeat, others appended.
    private func newSelector(_ selector: Value?) -> (Mapping, Int)? {
        guard case .mapping(let labels)? = selector else { return nil }
        for (mapping, entry) in selectors where mapping.from.allSatisfy({ labels[$0.key]?.stringValue == $0.value }) {
            var out = Mapping(minimumCapacity: labels.count + mapping.to.count)
            for (key, value) in labels {
                if let replacement = mapping.to.first(where: { $0.key == key }) {
                    out.appendUnchecked(key: key, value: .string(replacement.value))
                } else if !mapping.from.contains(where: { $0.key == key }) {
                    out.appendUnchecked(key: key, value: value)
                }
            }
            for label in mapping.to where out[label.key] == nil { out[label.key] = .string(label.value) }
            return (out, entry)
        }
        return nil
    }
}

/// One mesh-wide mapping as the report names it.
public struct MappingEntry: Sendable, Equatable {
    /// `namespaces team-000 → payments`
    public var label: String
    /// Where it is written in the rules file.
    public var origin: Origin
}

extension RuleSet {
    /// The mesh-wide mappings, one per entry of the rules file, in report order.
    public var mappingEntries: [MappingEntry] {
        namespaces.map { MappingEntry(label: "namespaces \($0.from) → \($0.to)", origin: $0.origin) }
            + hosts.map { MappingEntry(label: "hosts \($0.from) → \($0.to)", origin: $0.origin) }
            + gateways.map { MappingEntry(label: "gateways \($0.from) → \($0.to)", origin: $0.origin) }
            + gatewaySelectors.map { MappingEntry(label: "gatewaySelectors \($0.summary)", origin: $0.origin) }
            + (trustDomain.map { [MappingEntry(label: "trustDomain \($0.from) → \($0.to)", origin: $0.origin)] } ?? [])
            + (revision.map { [MappingEntry(label: "revision \($0.from) → \($0.to ?? "(label removed)")", origin: $0.origin)] } ?? [])
    }
}
