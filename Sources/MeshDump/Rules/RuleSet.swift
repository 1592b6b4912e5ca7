import MeshDumpCore

/// A rewrite rules file (or several, merged): mesh-wide mappings and per-object rules.
///
/// ```yaml
/// apiVersion: meshdump/v1
/// kind: Rules
/// namespaces: {team-000: payments}
/// rules: [{match: {kinds: [vs]}, setLabels: {migrated: "true"}}]
/// ```
/// Loading validates everything (unknown keys, types, names, globs, selectors, JSON Pointers)
/// and throws a `RulesFileError` at the offending line and column.
public struct RuleSet: Sendable {
    public var namespaces: [NamespaceMove] = []
    public var hosts: [HostMapping] = []
    public var gateways: [GatewayMapping] = []
    public var gatewaySelectors: [GatewaySelectorMapping] = []
    public var trustDomain: TrustDomainMapping?
    /// The cluster's DNS domain, for recognising `name.namespace.svc.<clusterDomain>`.
    public var clusterDomain = RuleSet.defaultClusterDomain
    var clusterDomainOrigin: Origin?
    public var revision: RevisionMapping?
    public var rules: [Rule] = []

    public static let defaultClusterDomain = "cluster.local"
    public static let apiVersion = "meshdump/v1"
    public static let kind = "Rules"

    public init() {}

    /// Whether the set changes nothing.
    public var isEmpty: Bool {
        namespaces.isEmpty && hosts.isEmpty && gateways.isEmpty && gatewaySelectors.isEmpty && trustDomain == nil
            && revision == nil && rules.isEmpty
    }

    /// Reads and merges rules files, in order. Each file may hold several `kind: Rules`
    /// documents, and must hold one: an empty file is a mistake (a wrong path, a truncated copy).
    public static func load(paths: [String]) throws(RulesFileError) -> RuleSet {
        var set = RuleSet()
        for path in paths {
            let bytes: InputBytes
            do {
                bytes = try InputBytes.read(path: path)
            } catch {
                throw RulesFileError(source: error.path == "-" ? "<stdin>" : error.path, mark: nil, message: error.message)
            }
            try set.merge(parse(bytes: bytes.buffer, source: bytes.displayName))
        }
        return set
    }

    /// Reads the rules documents in `bytes`.
    public static func parse(bytes: some Collection<UInt8>, source: String) throws(RulesFileError) -> RuleSet {
        let reader = YAMLReader(bytes: bytes, source: source, positionDepth: Int.max)
        var set = RuleSet()
        var documents = 0
        while true {
            let document: Document?
            do {
                document = try reader.next()
            } catch {
                throw RulesFileError(source: error.source, mark: error.mark, message: error.message)
            }
            guard let document else { break }
            if document.isEmpty { continue }  // `---` alone or only comments
            documents += 1
            let root = RulesNode(value: document.value, path: FieldPath(), context: RulesNode.Context(source: source, document: document))
            try set.merge(RulesDocumentParser(ruleCountBefore: set.rules.count).parse(root))
        }
        guard documents > 0 else {
            throw RulesFileError(source: source, mark: nil, message: "holds no rules (a document with apiVersion: meshdump/v1 and kind: Rules)")
        }
        return set
    }

    /// Adds `other`'s mappings and appends its rules; a name mapped two different ways is an
    /// error at the second place.
    mutating func merge(_ other: RuleSet) throws(RulesFileError) {
        func conflict(_ origin: Origin, _ what: String, _ first: Origin) -> RulesFileError {
            RulesFileError(source: origin.path ?? "\(origin)", mark: origin.mark, message: "\(what) is already mapped differently at \(first)")
        }
        for move in other.namespaces {
            if let previous = namespaces.first(where: { $0.from == move.from }) {
                guard previous.to == move.to else { throw conflict(move.origin, "namespace \(move.from)", previous.origin) }
                continue
            }
            namespaces.append(move)
        }
        for host in other.hosts {
            if let previous = hosts.first(where: { $0.from == host.from }) {
                guard previous.to == host.to else { throw conflict(host.origin, "host \(host.from)", previous.origin) }
                continue
            }
            hosts.append(host)
        }
        for gateway in other.gateways {
            if let previous = gateways.first(where: { $0.from == gateway.from }) {
                guard previous.to == gateway.to else { throw conflict(gateway.origin, "gateway \(gateway.from)", previous.origin) }
                continue
            }
            gateways.append(gateway)
        }
        gatewaySelectors += other.gatewaySelectors
        if let td = other.trustDomain {
            if let previous = trustDomain, previous.from != td.from || previous.to != td.to {
                throw conflict(td.origin, "trustDomain", previous.origin)
            }
            trustDomain = trustDomain ?? td
        }
        if let origin = other.clusterDomainOrigin {
            if let previous = clusterDomainOrigin, clusterDomain != other.clusterDomain {
                throw conflict(origin, "clusterDomain", previous)
            }
            clusterDomain = other.clusterDomain
            clusterDomainOrigin = clusterDomainOrigin ?? origin
        }
        if let rev = other.revision {
            if let previous = revision, previous.from != rev.from || previous.to != rev.to {
                throw conflict(rev.origin, "revision", previous.origin)
            }
            revision = revision ?? rev
        }
        rules += other.rules
    }
}

extension Origin {
    /// The position in a file, when there is one.
    var mark: Mark? {
        switch self {
        case .file(_, _, let mark), .stdin(_, let mark): mark
        default: nil
        }
    }
}
