import MeshDumpCore

/// A Secret an exported object names, and where Istio looks for it.
///
/// - An Istio Gateway's `spec.servers[].tls.credentialName` (and `credentialNames`): in the
///   namespace of the gateway workload, the Pods its `spec.selector` selects.
/// - A DestinationRule's `credentialName` (traffic policy, port-level settings, subsets): in
///   the DestinationRule's own namespace.
/// - A Gateway API Gateway's `spec.listeners[].tls.certificateRefs[]` to a Secret: in its
///   `namespace`, else the Gateway's.
///
/// `kubernetes://NAME` and `kubernetes://NS/NAME` (and `kubernetes-gateway://NS/NAME`) are read
/// as Istio reads them; `NS/NAME` names the namespace; other schemes (`builtin://`) name no
/// Secret. Istio also reads `<NAME>-cacert` for the CA certificate when the Secret holds none,
/// so for a `credentialName` that one is pulled in too when it exists.
public struct SecretReference: Sendable, Hashable {
    /// Where the Secret is looked up.
    public enum Place: Sendable, Hashable {
        case namespace(String)
        /// The namespaces of the Pods this selector selects (a gateway workload).
        case workload(selector: String)
    }

    public var name: String
    public var place: Place
    /// Istio's `credentialName`, beside which Istio reads `<name>-cacert`.
    public var isIstioCredential = false
    /// The object that names it.
    public var referrer: ObjectID
    public var referrerOrigin: Origin

    /// The referrer as people say it, its group added when its kind is better known in another
    /// (`Gateway.gateway.networking.k8s.io istio-ingress/api-gateway`).
    public var referrerDescription: String {
        guard let known = KnownKinds.named(referrer.kind), known.group != referrer.group else { return referrer.description }
        let name = referrer.namespace.isEmpty ? referrer.name : "\(referrer.namespace)/\(referrer.name)"
        return "\(referrer.kind).\(referrer.group) \(name)"
    }

    /// The Secrets `object` names, or none for kinds that name none.
    public static func references(in object: Object) -> [SecretReference] {
        let id = object.id
        let spec = object.value["spec"]
        switch (id.group, id.kind) {
        case ("networking.istio.io", "Gateway"):
            let selector = (spec?["selector"]?.mappingValue ?? Mapping()).compactMap { entry in entry.value.stringValue.map { (entry.key, $0) } }
            let place = Place.workload(selector: LabelSelector(equalities: selector.map { (key: $0.0, value: $0.1) }).text)
            return (spec?["servers"]?.sequenceValue ?? []).flatMap { server -> [String] in
                let tls = server["tls"]
                return [tls?["credentialName"]].compactMap { $0?.stringValue } + (tls?["credentialNames"]?.sequenceValue ?? []).compactMap(\.stringValue)
            }.compactMap { credential(named: $0, place: place, object) }
        case ("networking.istio.io", "DestinationRule"):
            let policies = [spec?["trafficPolicy"]] + (spec?["subsets"]?.sequenceValue ?? []).map { $0["trafficPolicy"] }
            let tlsSettings = policies.compactMap { $0 }.flatMap { policy in
                [policy["tls"]] + (policy["portLevelSettings"]?.sequenceValue ?? []).map { $0["tls"] }
            }
            return tlsSettings.compactMap { $0?["credentialName"]?.stringValue }
                .compactMap { credential(named: $0, place: .namespace(id.namespace), object) }
        case (GatewayAPIKinds.group, "Gateway"):
            return (spec?["listeners"]?.sequenceValue ?? []).flatMap { $0[path: ["tls", "certificateRefs"]]?.sequenceValue ?? [] }
                .compactMap { ref -> SecretReference? in
                    guard (ref["group"]?.stringValue ?? "").isEmpty, (ref["kind"]?.stringValue ?? "Secret") == "Secret",
                          let name = ref["name"]?.stringValue, !name.isEmpty else { return nil }
                    return SecretReference(name: name, place: .namespace(ref["namespace"]?.stringValue ?? id.namespace),
                                           referrer: id, referrerOrigin: object.origin)
                }
        default:
            return []
        }
    }

    /// A `credentialName` read as Istio reads it, or nil when it names no Kubernetes Secret.
    static func credential(named text: String, place: Place, _ object: Object) -> SecretReference? {
        var rest = Substring(text)
        for scheme in ["kubernetes://", "kubernetes-gateway://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        guard !rest.isEmpty, !rest.contains("://") else { return nil }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return SecretReference(name: String(rest), place: place, isIstioCredential: true, referrer: object.id, referrerOrigin: object.origin)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            return SecretReference(name: String(parts[1]), place: .namespace(String(parts[0])), isIstioCredential: true,
                                   referrer: object.id, referrerOrigin: object.origin)
        default: return nil
        }
    }
}
