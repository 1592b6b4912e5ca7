import MeshDumpCore

/// The mesh-wide mappings of a rule set, compiled for lookups: rewrites one object's
/// namespace, revision label, Gateway selector and every reference its kind makes.
///
/// Compiling lists the mapping entries (`entries`) as it goes, and every lookup target carries
/// the index of the entry it came from, so the counts a rewrite keeps per entry (`tally[i]`)
/// name the entry that made them.
struct MeshRewriter: Sendable {
    /// Where a name goes, and which entry says so.
    struct Target: Sendable {
        var to: String
        var entry: Int
    }

    /// The mapping entries, in the order of the rules file's sections and, within one, of the file.
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
    /// Finds mentions of the mapped names in strings that are no references.
    let scanner: MentionScanner

    init(_ rules: RuleSet) {
        var entries: [MappingEntry] = []
        func entry(_ label: String, _ origin: Origin) -> Int {
            entries.append(MappingEntry(label: label, origin: origin))
            return entries.count - 1
        }
        var namespaces: [String: Target] = [:]
        for move in rules.namespaces {
            namespaces[move.from] = Target(to: move.to, entry: entry("namespaces \(move.from) → \(move.to)", move.origin))
        }
        var exact: [String: Target] = [:]
        var wildcard: [(String, String, Int)] = []
        for host in rules.hosts {
            let index = entry("hosts \(host.from) → \(host.to)", host.origin)
            if host.isWildcard {
                wildcard.append((String(host.from.dropFirst()), String(host.to.dropFirst()), index))
            } else {
                exact[host.from] = Target(to: host.to, entry: index)
            }
        }
        var gateways: [GatewayName: (GatewayName, Int)] = [:]
        for g in rules.gateways { gateways[g.from] = (g.to, entry("gateways \(g.from) → \(g.to)", g.origin)) }
        selectors = rules.gatewaySelectors.map { ($0, entry("gatewaySelectors \($0.summary)", $0.origin)) }
        trustDomain = rules.trustDomain.map { ($0.from, $0.to, entry("trustDomain \($0.from) → \($0.to)", $0.origin)) }
        revision = rules.revision.map { ($0.from, $0.to, entry("revision \($0.from) → \($0.to ?? "(label removed)")", $0.origin)) }
        self.entries = entries
        self.namespaces = namespaces
        exactHosts = exact
        wildcardHosts = wildcard.sorted { $0.0.count > $1.0.count }
        self.gateways = gateways
        serviceSuffixes = [".svc." + rules.clusterDomain, ".svc"]
        scanner = MentionScanner(rules)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// What the mappings did to one object.
    struct ObjectRewrite {
        /// The fields rewritten.
        var edited: [FieldPath] = []
        /// References that name a mapped thing in a way that cannot be rewritten (a pattern, a
        /// regular expression), and what to tell the user.
        var mentions: [(path: FieldPath, message: String)] = []
    }

    /// Rewrites `object` in place: its identity (namespace, a Namespace's name) and every field
    /// the mappings cover. `tally[i]` counts the fields entry `i` changed.
    func rewrite(_ object: inout Object, tally: inout [Int]) -> ObjectRewrite {
        let (group, kind, namespace) = (object.group, object.kind, object.namespace)
        var value = object.value
        object.value = .null  // keep `value` uniquely owned, so edits happen in place
        defer { object.value = value }
        var edits: [(FieldPath, Value?)] = []
        var result = ObjectRewrite()
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
            switch context.rewrite(reference) {
            case .unchanged: break
            case .rewritten(let new, let mention):
                if new != reference.value { edits.append((reference.path, .string(new))) }
                if let mention { result.mentions.append((reference.path, mention)) }
            case .mentioned(let message): result.mentions.append((reference.path, message))
            }
        }
        tally = context.tally
        for (path, newValue) in edits { path.set(newValue, in: &value) }
        result.edited = edits.map(\.0)
        return result
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
