import Testing
@testable import MeshDumpCore

/// The kinds tables: every way `kubectl get` names a kind finds it, the names two tables share
/// keep meaning Istio's, and scopes and resources are the real ones (tree folders follow them).
struct KnownKindsTests {
    /// Every spelling of every kind: resource, singular, kind in any case, short names, and
    /// `resource.group` / `resource.version.group`.
    @Test func everyKindIsFoundByEverySpelling() {
        for kind in KnownKinds.all {
            var spellings = [kind.resource, kind.kind, kind.kind.lowercased(), kind.kind.uppercased()] + kind.shortNames
            if !kind.group.isEmpty {
                spellings += [kind.qualifiedResource, "\(kind.kind).\(kind.group)", "\(kind.resource).\(kind.versions[0]).\(kind.group)"]
            }
            for spelling in spellings where !(kind.group == GatewayAPIKinds.group && kind.kind == "Gateway" && !spelling.contains(".") && spelling != "gtw") {
                #expect(KnownKinds.named(spelling) == kind, "\(spelling)")
            }
        }
    }

    @Test(arguments: [
        ("gateway", "networking.istio.io"), ("gw", "networking.istio.io"), ("gateways", "networking.istio.io"),
        ("Gateway", "networking.istio.io"), ("gateways.networking.istio.io", "networking.istio.io"),
        ("gtw", "gateway.networking.k8s.io"), ("gateways.gateway.networking.k8s.io", "gateway.networking.k8s.io"),
        ("Gateway.gateway.networking.k8s.io", "gateway.networking.k8s.io"), ("gateways.v1.gateway.networking.k8s.io", "gateway.networking.k8s.io"),
    ])
    func gatewayMeansIstiosUnlessQualified(_ name: String, _ group: String) {
        #expect(KnownKinds.named(name)?.group == group)
        #expect(KnownKinds.named(name)?.kind == "Gateway")
    }

    @Test(arguments: [
        ("ns", "namespaces", false), ("secrets", "secrets", true), ("svc", "services", true), ("cm", "configmaps", true),
        ("sa", "serviceaccounts", true), ("po", "pods", true), ("deploy", "deployments", true), ("ep", "endpoints", true),
        ("Endpoints", "endpoints", true), ("crd", "customresourcedefinitions", false), ("clusterrole", "clusterroles", false),
        ("httproute", "httproutes", true), ("gc", "gatewayclasses", false), ("refgrant", "referencegrants", true),
        ("btlspolicy", "backendtlspolicies", true), ("udproutes.gateway.networking.k8s.io", "udproutes", true),
    ])
    func resourcesAndScopes(_ name: String, _ resource: String, _ namespaced: Bool) throws {
        let kind = try #require(KnownKinds.named(name))
        #expect(kind.resource == resource)
        #expect(kind.namespaced == namespaced)
    }

    @Test func unknownNamesAndWrongGroupsFindNothing() {
        for name in ["nope", "httproutes.networking.istio.io", "virtualservices.gateway.networking.k8s.io", "deployments.v9.apps", ""] {
            #expect(KnownKinds.named(name) == nil, "\(name)")
        }
    }

    /// No short name or resource of one kind is another kind's, but for Gateway's (see above).
    @Test func namesAreUnambiguous() {
        var owners: [String: Kind] = [:]
        for kind in KnownKinds.all {
            for name in Set(kind.names) {
                if let other = owners[name] {
                    #expect(other.kind == "Gateway" && kind.kind == "Gateway", "\(name): \(other) and \(kind)")
                } else {
                    owners[name] = kind
                }
            }
        }
    }

    @Test func aliasesCoverTheirGroups() {
        #expect(KindGroupAlias.allIstio.contains(group: "networking.istio.io") && KindGroupAlias.allIstio.contains(group: "istio.io"))
        #expect(!KindGroupAlias.allIstio.contains(group: "gateway.networking.k8s.io"))
        #expect(KindGroupAlias.gatewayAPI.contains(group: "gateway.networking.k8s.io"))
        #expect(!KindGroupAlias.gatewayAPI.contains(group: "gateway.networking.x-k8s.io"))
        #expect(KindGroupAlias.gatewayAPI.knownKinds.map(\.kind) == ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute",
                                                                      "UDPRoute", "ReferenceGrant", "BackendTLSPolicy"])
    }

    @Test func suggestionsAreCloseNamesNearestFirst() {
        #expect(Suggestion.close(to: "virtualsevice", in: KnownKinds.names) == ["virtualservice", "virtualservices"])
        #expect(Suggestion.close(to: "secret", in: ["secrets", "Secret", "sidecars"]) == ["Secret", "secrets"])
        #expect(Suggestion.close(to: "httprout", in: KnownKinds.names) == ["httproute", "httproutes"])
        #expect(Suggestion.close(to: "http", in: KnownKinds.names) == ["httproutes", "httproute"])
        #expect(Suggestion.close(to: "zzzz", in: KnownKinds.names).isEmpty)
        #expect(Suggestion.nearest(to: "remove", in: ["removeLabels"]) == nil, "no prefix matches for nearest")
    }
}
