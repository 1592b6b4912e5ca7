import MeshDumpCore

extension MessageType {
    /// IST0149: routing on JWT claims at a gateway whose pods no RequestAuthentication covers.
    public static let jwtClaimBasedRoutingWithoutRequestAuthN = MessageType(
        name: "JwtClaimBasedRoutingWithoutRequestAuthN", code: "IST0149", severity: .error,
        description: "Virtual service using JWT claim based routing without request authentication.")
}

/// `virtualservice.JWTClaimRouteAnalyzer`: a VirtualService that routes on a JWT claim
/// (`@request.auth.claims.…` headers) at a Gateway needs a RequestAuthentication selecting each
/// of the gateway's pods (in the pod's namespace or the root namespace), or the claims are never
/// there. Needs the gateway Pods in the sources.
public struct JWTClaimRouteAnalyzer: Analyzer {
    public init() {}

    public var name: String { "virtualservice.JWTClaimRouteAnalyzer" }
    public var messages: [MessageType] { [.jwtClaimBasedRoutingWithoutRequestAuthN] }
    public var requirements: [KindRequirement] { [KindRequirement(.pod)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var authentications: [String: [LabelSet]] = [:]
        for ra in snapshot.objects(.requestAuthentication) {
            authentications[ra.namespace, default: []].append(LabelSet(ra.spec[path: ["selector", "matchLabels"]]))
        }
        let root = snapshot.mesh.rootNamespace
        let pods = snapshot.objects(.pod)
        let index = LabelIndex(pods)
        for vs in snapshot.objects(.virtualService) {
            guard let (claim, field) = Self.claimHeader(vs.spec) else { continue }
            for reference in vs.specStrings("gateways") where reference != "mesh" {
                let (namespace, name) = IstioHosts.shortOrFullName(reference, namespace: vs.namespace)
                guard let gateway = snapshot.object(.gateway, namespace: namespace, name: name) else { continue }
                let selector = LabelSet(gateway.spec["selector"])
                for pod in index.matching(selector).map({ pods[$0] }) {
                    let selectors = (authentications[root] ?? []) + (pod.namespace == root ? [] : authentications[pod.namespace] ?? [])
                    guard !selectors.contains(where: { $0.matches(pod) }) else { continue }
                    report.add(.jwtClaimBasedRoutingWithoutRequestAuthN, vs, field: field,
                               "The virtual service uses the JWT claim based routing (key: \(claim)) but found no request authentication for the gateway (\(IstioHosts.fullName(namespace, name))) pod (\(pod.name)). "
                                   + "The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing.")
                }
            }
        }
    }

    /// The first header match on a JWT claim, and where it is.
    static func claimHeader(_ spec: Value) -> (String, FieldPath)? {
        for (i, rule) in (spec["http"]?.sequenceValue ?? []).enumerated() {
            for (j, match) in (rule["match"]?.sequenceValue ?? []).enumerated() {
                for section in ["headers", "withoutHeaders"] {
                    for key in match[section]?.mappingValue?.keys ?? [] where isRoutingClaim(key) {
                        return (key, FieldPath("spec", "http").index(i).key("match").index(j).key(section).key(key))
                    }
                }
            }
        }
        return nil
    }

    /// `@request.auth.claims.name` or `@request.auth.claims[name]` (Istio's `ToRoutingClaim`).
    static func isRoutingClaim(_ header: String) -> Bool {
        let prefix = "@request.auth.claims"
        guard header.lowercased().hasPrefix(prefix) else { return false }
        let rest = header.utf8.dropFirst(prefix.utf8.count)
        if rest.first == UInt8(ascii: ".") { return rest.count > 1 }
        return rest.first == UInt8(ascii: "[") && rest.last == UInt8(ascii: "]") && rest.count > 2
    }
}
