import Testing
@testable import MeshDump

/// The host, label and encoding helpers the ported analyzers share.
struct IstioSupportTests {
    /// The examples of Istio's `host.Name.Matches`.
    @Test(arguments: [
        ("foo.com", "foo.com", true), ("foo.com", "bar.com", false), ("*.com", "foo.com", true),
        ("bar.com", "*.com", true), ("*.foo.com", "foo.com", false), ("*", "foo.com", true),
        ("*", "*.com", true), ("*.bar.com", "*.com", true), ("*.com", "*.bar.org", false),
    ])
    func hostsMatchAsIstiosDo(_ a: String, _ b: String, _ expected: Bool) {
        #expect(IstioHosts.matches(a, b) == expected)
    }

    @Test func fullyQualifiedServiceNames() {
        #expect(IstioHosts.fqdn("reviews", namespace: "shop") == "reviews.shop.svc.cluster.local")
        #expect(IstioHosts.fqdn("reviews.shop", namespace: "x") == "reviews.shop")
        #expect(IstioHosts.fqdn("*", namespace: "x") == "*")
        #expect(IstioHosts.serviceName(ofFQDN: "a.b.shop.svc.cluster.local")! == ("shop", "a.b"))
        #expect(IstioHosts.serviceName(ofFQDN: "shop.svc.cluster.local") == nil)
        #expect(IstioHosts.serviceName(ofHost: "reviews", namespace: "shop") == ("shop", "reviews"))
        #expect(IstioHosts.shortOrFullName("gw", namespace: "shop") == ("shop", "gw"))
        #expect(IstioHosts.shortOrFullName("edge/gw", namespace: "shop") == ("edge", "gw"))
        #expect(IstioHosts.names(["ns1/foo.com", "*/bar.com", "baz.com", "ns2/x.com"], forNamespace: "ns1") == ["foo.com", "bar.com", "baz.com"])
    }

    @Test func labelSetsReadAsKubernetesSelectorsFromSets() {
        let set = LabelSet([("istio", "ingressgateway"), ("app", "edge")])
        #expect(set.text == "app=edge,istio=ingressgateway")
        #expect(set.firstKey == "app")
        #expect(set.matches { ["app": "edge", "istio": "ingressgateway", "x": "y"][$0] })
        #expect(!set.matches { ["app": "edge"][$0] })
        #expect(LabelSet([]).matches { _ in nil })
        #expect(set.merging(LabelSet([("app", "core")])).text == "app=core,istio=ingressgateway")
    }

    @Test func labelIndexFindsWhatASelectorPicks() {
        let index = LabelIndex(labels: [["app": "web", "version": "v1"], ["app": "web", "version": "v2"], ["app": "db"], [:]])
        #expect(index.matching(LabelSet([("app", "web")])) == [0, 1])
        #expect(index.matching(LabelSet([("app", "web"), ("version", "v2")])) == [1])
        #expect(index.matching(LabelSet([("app", "web"), ("version", "v3")])) == [])
        #expect(index.matching(LabelSet([])) == [0, 1, 2, 3])
        #expect(!index.containsMatch(LabelSet([("tier", "x")])))
    }

    @Test func base64() {
        #expect(Base64.decode("aGVsbG8=".utf8) == Array("hello".utf8))
        #expect(Base64.decode("aGVs\nbG8h".utf8) == Array("hello!".utf8))
        #expect(Base64.decode("".utf8) == [])
        #expect(Base64.decode("aGVsbG8".utf8) == nil)  // unpadded
        #expect(Base64.decode("aGVsbG8==".utf8) == nil)
        #expect(Base64.decode("aGV=sbG8".utf8) == nil)
        #expect(Base64.decode("a!==".utf8) == nil)
    }

    @Test func goFormatting() {
        #expect(GoFormat.quoted("a \"b\"\\\n") == #""a \"b\"\\\n""#)
        #expect(GoFormat.list(["a", "b"]) == "[a b]")
    }

    @Test func dates() {
        #expect(CertificateValidity.date(0) == "1970-01-01T00:00:00Z")
        #expect(CertificateValidity.date(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(CertificateValidity.date(4_800_838_716) == "2122-02-18T06:18:36Z")
        #expect(CertificateValidity.date(-1) == "1969-12-31T23:59:59Z")
    }
}
