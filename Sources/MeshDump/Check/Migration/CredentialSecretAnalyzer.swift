import MeshDumpCore

extension MessageType {
    /// MD0005: a Secret a credentialName needs is not in the sources.
    public static let credentialSecretNotFound = MessageType(
        name: "CredentialSecretNotFound", code: "MD0005", severity: .error,
        description: "A Gateway or DestinationRule credentialName names a Secret the target does not have: the gateway serves no certificate (or the client presents none) until it is copied over.")
}

/// `meshdump.CredentialSecretAnalyzer`: every Gateway and DestinationRule `credentialName` whose
/// Secret (where Istio looks for it, see `CredentialSecrets`) is not in the sources. Needs
/// Secrets in the sources; `-o secrets` lists the same Secrets for a script.
public struct CredentialSecretAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.CredentialSecretAnalyzer" }
    public var messages: [MessageType] { [.credentialSecretNotFound] }
    public var requirements: [KindRequirement] { [KindRequirement(.secret)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for (need, object) in CredentialSecrets.needs(in: snapshot) where snapshot.object(.secret, namespace: need.namespace, name: need.name) == nil {
            let place = object.groupKind == .gateway && need.namespace != object.namespace ? " (the gateway workload's namespace)" : ""
            report.add(.credentialSecretNotFound, object, field: need.field,
                       "Needs Secret \(need.secret)\(place), which is not in the sources. Copy it to the target cluster before applying (`meshdump check -o secrets` lists them all).")
        }
    }
}
