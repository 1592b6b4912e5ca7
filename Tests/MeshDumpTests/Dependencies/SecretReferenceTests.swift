import MeshDumpCore
import Testing
@testable import MeshDump

/// Which Secrets an object names, and where Istio (or the Gateway API) looks for them.
struct SecretReferenceTests {
    static func object(_ value: Value) throws -> Object { try Object(value: value, origin: .generated) }

    static func references(_ value: Value) throws -> [String] {
        try SecretReference.references(in: object(value)).map { reference in
            let place: String
            switch reference.place {
            case .namespace(let namespace): place = namespace
            case .workload(let selector): place = "workload(\(selector))"
            }
            return "\(place)/\(reference.name)" + (reference.isIstioCredential ? "" : " (no -cacert)")
        }
    }

    @Test func istioGatewayCredentialsLiveWithTheWorkload() throws {
        let gateway: Value = [
            "apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": ["name": "g", "namespace": "apps"],
            "spec": ["selector": ["istio": "ingressgateway", "app": "edge"],
                     "servers": [["tls": ["mode": "SIMPLE", "credentialName": "plain"]],
                                 ["tls": ["mode": "MUTUAL", "credentialName": "kubernetes://prefixed"]],
                                 ["tls": ["credentialName": "kubernetes://other-ns/cross"]],
                                 ["tls": ["credentialName": "kubernetes-gateway://gw-ns/internal"]],
                                 ["tls": ["credentialName": "ns/short"]],
                                 ["tls": ["credentialName": "builtin://"]],
                                 ["tls": ["credentialName": ""]],
                                 ["tls": ["credentialNames": ["rsa", "ecdsa"]]],
                                 ["tls": ["httpsRedirect": true]], ["port": ["number": 80]]]],
        ]
        #expect(try Self.references(gateway) == [
            "workload(istio=ingressgateway,app=edge)/plain", "workload(istio=ingressgateway,app=edge)/prefixed", "other-ns/cross",
            "gw-ns/internal", "ns/short", "workload(istio=ingressgateway,app=edge)/rsa", "workload(istio=ingressgateway,app=edge)/ecdsa",
        ])
    }

    @Test func destinationRuleCredentialsLiveInItsNamespace() throws {
        let tls: (String) -> Value = { ["tls": ["mode": "MUTUAL", "credentialName": .string($0)]] }
        var policy = tls("top")
        policy["portLevelSettings"] = [tls("port")]
        var subsetPolicy = tls("subset")
        subsetPolicy["portLevelSettings"] = [tls("subset-port")]
        let rule: Value = ["apiVersion": "networking.istio.io/v1beta1", "kind": "DestinationRule", "metadata": ["name": "d", "namespace": "apps"],
                           "spec": ["host": "x", "trafficPolicy": policy, "subsets": [["name": "v1", "trafficPolicy": subsetPolicy], ["name": "v2"]]]]
        #expect(try Self.references(rule) == ["apps/top", "apps/port", "apps/subset", "apps/subset-port"])
    }

    @Test func gatewayAPICertificateRefsNameSecretsOnly() throws {
        let gateway: Value = [
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": ["name": "g", "namespace": "edge"],
            "spec": ["listeners": [["name": "a", "tls": ["certificateRefs": [["name": "own"], ["name": "shared", "namespace": "certs"],
                                                                            ["kind": "Secret", "group": "", "name": "explicit"],
                                                                            ["kind": "ConfigMap", "name": "not-a-secret"],
                                                                            ["group": "example.com", "kind": "Secret", "name": "custom"]]]],
                                   ["name": "plain"]]],
        ]
        #expect(try Self.references(gateway) == ["edge/own (no -cacert)", "certs/shared (no -cacert)", "edge/explicit (no -cacert)"])
    }

    @Test func otherKindsNameNone() throws {
        let virtualService: Value = ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": ["name": "v"],
                                     "spec": ["tls": [["credentialName": "x"]]]]
        #expect(try Self.references(virtualService).isEmpty)
    }

    @Test func referrersOfSharedKindNamesSayTheirGroup() throws {
        let apiGateway = try SecretReference.references(in: Self.object([
            "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": ["name": "g", "namespace": "edge"],
            "spec": ["listeners": [["tls": ["certificateRefs": [["name": "c"]]]]]]]))
        #expect(apiGateway.map(\.referrerDescription) == ["Gateway.gateway.networking.k8s.io edge/g"])
        let rule = try SecretReference.references(in: Self.object([
            "apiVersion": "networking.istio.io/v1", "kind": "DestinationRule", "metadata": ["name": "d", "namespace": "apps"],
            "spec": ["trafficPolicy": ["tls": ["credentialName": "c"]]]]))
        #expect(rule.map(\.referrerDescription) == ["DestinationRule apps/d"])
    }
}
