import MeshDumpCore

extension MessageType {
    /// MD0004: a reference to a namespace that does not exist.
    public static let referencedNamespaceNotFound = MessageType(
        name: "ReferencedNamespaceNotFound", code: "MD0004", severity: .warning,
        description: "A field names a namespace that exists neither as a Namespace nor as the namespace of any object: a namespace move that missed it, or a typo.")
}

/// `meshdump.NamespaceReferenceAnalyzer`: namespaces named by exportTo (and its annotation),
/// Sidecar egress and Gateway hosts (`ns/host`), gateway references (`ns/name`), delegates,
/// source namespaces, targetRefs, AuthorizationPolicy namespaces, service accounts and
/// principals, that exist neither as a Namespace object nor as any object's namespace. Needs
/// Namespaces in the sources (a cluster's, or a tree's `_cluster/namespaces`).
public struct NamespaceReferenceAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.NamespaceReferenceAnalyzer" }
    public var messages: [MessageType] { [.referencedNamespaceNotFound] }
    public var requirements: [KindRequirement] { [KindRequirement(.namespace)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var known: Set<String> = []
        for object in snapshot.allObjects {
            known.insert(object.groupKind == .namespace ? object.name : object.namespace)
        }
        known.remove("")
        for object in snapshot.allObjects {
            for reference in References.all(in: object.object) {
                for namespace in Self.namespaces(in: reference) where !Self.exists(namespace, known) {
                    let within = reference.value == namespace ? "" : " (in \(GoFormat.quoted(reference.value)))"
                    report.add(.referencedNamespaceNotFound, object, field: reference.path,
                               "Names namespace \(namespace)\(within), which does not exist: no Namespace \(namespace) and no object in it. "
                                   + "Fix the reference (a namespace move that missed it?), or create the namespace.")
                }
            }
        }
    }

    /// The namespaces a reference names; `.`, `*`, `~` and other placeholders name none.
    static func namespaces(in reference: Reference) -> [String] {
        let s = reference.value
        let names: [String]
        switch reference.form {
        case .namespace: names = [s]
        case .namespaceList: names = s.split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
        case .namespacedHost, .gateway, .serviceAccount:
            guard let slash = s.firstIndex(of: "/") else { return [] }
            names = [String(s[..<slash].drop { $0 == "~" })]
        case .principal:
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[1] == "ns" else { return [] }
            names = [String(parts[2])]
        default:
            return []
        }
        return names.filter { !$0.isEmpty && $0 != "." && $0 != "*" && $0 != "~" }
    }

    /// Whether a name (or an AuthorizationPolicy `prefix*`/`*suffix` pattern) matches a namespace.
    private static func exists(_ name: String, _ known: Set<String>) -> Bool {
        guard name.contains("*") else { return known.contains(name) }
        return known.contains { AuthorizationPoliciesAnalyzer.namespace($0, matches: name) }
    }
}
