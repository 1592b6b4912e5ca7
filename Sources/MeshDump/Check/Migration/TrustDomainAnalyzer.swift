import MeshDumpCore

extension MessageType {
    /// MD0003: an identity in a trust domain the mesh does not have.
    public static let foreignTrustDomain = MessageType(
        name: "ForeignTrustDomain", code: "MD0003", severity: .error,
        description: "A principal, trust domain or SPIFFE ID names a trust domain that is neither the mesh's nor one of its trustDomainAliases: no workload of the mesh has that identity.")
}

/// `meshdump.TrustDomainAnalyzer`: AuthorizationPolicy principals (`source.principals`,
/// `notPrincipals`, `source.principal` conditions), `source.trustDomains` and SPIFFE
/// subjectAltNames whose trust domain is not the mesh's (`trustDomain`) or one of its
/// `trustDomainAliases`. As istiod, a principal in `cluster.local` stands for the mesh's own
/// trust domain, and `*` patterns match as Istio matches them.
public struct TrustDomainAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.TrustDomainAnalyzer" }
    public var messages: [MessageType] { [.foreignTrustDomain] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let aliases = (snapshot.mesh.meshConfig["trustDomainAliases"]?.sequenceValue ?? []).compactMap(\.scalarText)
        let domains = [snapshot.mesh.trustDomain] + aliases
        let known = snapshot.mesh.trustDomain + (aliases.isEmpty ? "" : " (aliases: \(aliases.joined(separator: ", ")))")
        for object in Self.kinds.flatMap(snapshot.objects) {
            for reference in References.all(in: object.object) {
                guard let (domain, what) = Self.trustDomain(of: reference), !Self.accepts(domain, reference.form, domains) else { continue }
                let problem = reference.form == .trustDomain
                    ? "Trust domain \(GoFormat.quoted(domain)) is not the mesh's, \(known): no workload has an identity in it."
                    : "\(what) \(GoFormat.quoted(reference.value)) is in trust domain \(domain), but the mesh's is \(known): no workload has this identity."
                report.add(.foreignTrustDomain, object, field: reference.path,
                           problem + " Change it to the mesh's trust domain (rewrite's `trustDomain` mapping does this), or add \(domain) to trustDomainAliases.")
            }
        }
    }

    /// The kinds with principal, trust domain or subjectAltName fields (`ReferenceFields`).
    static let kinds: [GroupKind] = [.authorizationPolicy, .destinationRule, .gateway, .serviceEntry, .sidecar]

    /// The trust domain a reference names, and what it is, for the forms that name one.
    private static func trustDomain(of reference: Reference) -> (String, String)? {
        switch reference.form {
        case .principal:
            let parts = reference.value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0] != "*" else { return nil }
            return (String(parts[0]), "Principal")
        case .trustDomain:
            return reference.value == "*" ? nil : (reference.value, "Trust domain")
        case .subjectAltName:
            guard reference.value.hasPrefix("spiffe://") else { return nil }
            let rest = reference.value.dropFirst("spiffe://".count)
            return (String(rest.prefix { $0 != "/" }), "SPIFFE ID")
        default:
            return nil
        }
    }

    /// Whether the mesh answers to `domain`: Istio's `stringMatch` (exact, `*`, `prefix*`,
    /// `*suffix`, either side), and `cluster.local` for principals.
    static func accepts(_ domain: String, _ form: ReferenceForm, _ domains: [String]) -> Bool {
        if form == .principal && domain == MeshSettings.defaultTrustDomain { return true }
        return domains.contains { d in
            d == domain || d == "*" || matches(domain, pattern: d) || matches(d, pattern: domain)
        }
    }

    private static func matches(_ s: String, pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return s.hasPrefix(pattern.dropLast()) }
        if pattern.hasPrefix("*") { return s.hasSuffix(pattern.dropFirst()) }
        return false
    }
}
