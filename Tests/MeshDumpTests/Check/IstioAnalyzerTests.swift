import MeshDumpCore
import Testing
@testable import MeshDump

/// What meshdump adds to the ported analyzers: skipping what the sources cannot tell, fields
/// and positions, and results that do not depend on order.
struct IstioAnalyzerTests {
    static let tree = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: shop}
        spec:
          hosts: [reviews]
          gateways: [edge/public, mesh]
          http:
          - route:
            - destination: {host: reviews, subset: v3}
            mirror: {host: shadow, subset: v1}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: shop}
        spec:
          host: reviews.shop.svc.cluster.local
          subsets:
          - {name: v1, labels: {version: v1}}
        """

    /// An Istio-only tree: the analyzers needing Services, Pods or Secrets say so, and what
    /// can be checked is.
    @Test func anIstioOnlyTreeSkipsWhatItCannotKnow() throws {
        let result = try CheckTestSupport.run(Analyzers.all, try CheckTestSupport.snapshot(Self.tree), files: ["test.yaml": Self.tree])
        #expect(result.skipped.map { "\($0.analyzer): \($0.reason)" } == [
            "destinationrule.SubsetSelectPodAnalyzer: no Service or ServiceEntry in the sources",
            "gateway.IngressGatewayPortAnalyzer: no Pod in the sources",
            "gateway.SecretAnalyzer: no Pod in the sources",
            "meshdump.CredentialSecretAnalyzer: no Secret in the sources",
            "meshdump.NamespaceReferenceAnalyzer: no Namespace in the sources",
            "meshdump.RevisionAnalyzer: no --revision given and no sidecar injector webhook (MutatingWebhookConfiguration labelled istio.io/rev) in the sources",
            "meshdump.SchemaAnalyzer: no CustomResourceDefinition in the sources and no --crds",
            "telemetry.SelectorAnalyzer: no Pod in the sources",
            "virtualservice.DestinationHostAnalyzer: destination hosts not checked: no Service or ServiceEntry in the sources",
            "virtualservice.GatewayAnalyzer: gateway references not checked: no Gateway in the sources",
            "virtualservice.JWTClaimRouteAnalyzer: no Pod in the sources",
        ])
        #expect(result.findings.map { "\($0.position!) \($0.code) \($0.field!)" } == [
            "9:36 IST0101 spec.http[0].route[0].destination.subset",
            "10:28 IST0101 spec.http[0].mirror.subset",
        ])
        #expect(result.findings.map(\.message) == [
            "Referenced host+subset in destinationrule not found: \"reviews+v3\". Define subset v3 in the DestinationRule for reviews, or route without it.",
            "Referenced mirror+subset in destinationrule not found: \"shadow+v1\". Define subset v1 in the DestinationRule for shadow, or route without it.",
        ])
    }

    /// With Services and a Gateway, hosts and gateway references are checked too.
    @Test func withContextEverythingIsChecked() throws {
        let context = """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: shop}
            spec:
              ports: [{port: 9080}, {port: 9443}]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public, namespace: edge}
            spec:
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["shop/*"]
            """
        let file = Self.tree + "\n" + context
        let result = try CheckTestSupport.run([VirtualServiceGatewayAnalyzer(), VirtualServiceDestinationHostAnalyzer()],
                                              try CheckTestSupport.snapshot(file), files: ["test.yaml": file])
        #expect(result.skipped.isEmpty)
        #expect(result.findings.map { "\($0.position!) \($0.name) \($0.field!)" } == [
            // The route names no port of a two-port service; the mirror's host does not exist.
            "9:7 VirtualServiceDestinationPortSelectorRequired spec.http[0].route[0].destination.port",
            "10:14 ReferencedResourceNotFound spec.http[0].mirror.host",
        ])
    }

    /// Istio's analyzer adds a server's hosts to the other Gateway's known hosts when they do
    /// not clash, so which Gateways conflict depends on map order; meshdump compares each
    /// server with the other Gateways' own hosts only.
    @Test func conflictingGatewaysDoNotDependOnOrder() throws {
        func gateway(_ name: String, _ host: String) -> String {
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: \(name), namespace: edge}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: [\(host)]
            """
        }
        let file = [gateway("a", "x.example.com"), gateway("b", "y.example.com"), gateway("c", "y.example.com")].joined(separator: "\n---\n")
        let result = try CheckTestSupport.run([ConflictingGatewayAnalyzer()], try CheckTestSupport.snapshot(file))
        #expect(result.findings.map { "\($0.object): \($0.message.prefix(40))" } == [
            "Gateway edge/b: Conflict with gateways edge/c (workload ",
            "Gateway edge/c: Conflict with gateways edge/b (workload ",
        ])
    }

    @Test func subsetsNeedPodsAndHostsNeedServices() throws {
        let file = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: db, namespace: data}
            spec:
              hosts: [db.example.com]
              workloadSelector: {labels: {app: db}}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: db, namespace: data}
            spec:
              host: db.example.com
              subsets: [{name: primary, labels: {role: primary}}]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: cache, namespace: data}
            spec:
              host: cache.example.com
            """
        let withoutPods = try CheckTestSupport.run([SubsetSelectPodAnalyzer()], try CheckTestSupport.snapshot(file))
        #expect(withoutPods.findings.map(\.name) == ["UnknownDestinationRuleHost"])
        #expect(withoutPods.skipped.map(\.reason) == ["subsets not checked: no Pod in the sources"])
        // A Pod with the subset's labels but not the ServiceEntry's workload labels is not selected.
        let pod = "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: data, labels: {role: primary}}\n"
        let withPods = try CheckTestSupport.run([SubsetSelectPodAnalyzer()], try CheckTestSupport.snapshot(file + pod))
        #expect(withPods.findings.map(\.name) == ["DestinationRuleSubsetNotSelectPods", "UnknownDestinationRuleHost"])
        let selected = pod.replacingOccurrences(of: "{role: primary}", with: "{role: primary, app: db}")
        #expect(try CheckTestSupport.run([SubsetSelectPodAnalyzer()], try CheckTestSupport.snapshot(file + selected)).findings.count == 1)
    }

    /// A tree with ServiceEntries but no Services cannot say whether `reviews` exists (istioctl,
    /// offline, reports it missing); it can say an external host is.
    @Test func kubernetesHostsNeedServicesAndExternalHostsServiceEntries() throws {
        let file = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: payments, namespace: shop}
            spec:
              hosts: [payments.example.com]
              ports: [{number: 443, name: https, protocol: TLS}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: shop}
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews}
                - destination: {host: reviews.shop.svc.cluster.local}
                - destination: {host: payments.example.com}
                - destination: {host: billing.example.com}
            """
        let result = try CheckTestSupport.run([VirtualServiceDestinationHostAnalyzer()], try CheckTestSupport.snapshot(file))
        #expect(result.findings.map(\.message) == [
            "Referenced host not found: \"billing.example.com\". Add the Service or ServiceEntry for billing.example.com visible to namespace shop, or correct the host.",
        ])
        #expect(result.skipped.map(\.reason) == ["hosts of Kubernetes Services not checked: no Service in the sources"])
    }
}
