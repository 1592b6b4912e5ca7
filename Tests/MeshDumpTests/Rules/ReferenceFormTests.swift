import MeshDumpCore
import Testing
@testable import MeshDump

/// Each reference form on the strings that stretch it. Rules: team-000 → payments,
/// `*.shop.example.com` → `*.shop.example.org`, gateway istio-system/ingress-0 →
/// istio-ingress/public, trust domain cluster.local → mesh.example.com. The object is in team-000.
struct ReferenceFormTests {
    static let rewriter: MeshRewriter = {
        let text = """
            apiVersion: meshdump/v1
            kind: Rules
            namespaces: {team-000: payments}
            hosts: {"*.shop.example.com": "*.shop.example.org"}
            gateways: {istio-system/ingress-0: istio-ingress/public}
            trustDomain: {from: cluster.local, to: mesh.example.com}
            """
        return MeshRewriter(try! RuleSet.parse(bytes: Array(text.utf8), source: "rules.yaml"))
    }()

    static func rewrite(_ form: ReferenceForm, _ value: String) -> String? {
        var context = MeshRewriter.Context(rewriter: rewriter, namespace: "team-000", newNamespace: "payments",
                                           tally: Array(repeating: 0, count: rewriter.entries.count))
        guard case .rewritten(let new, _) = context.rewrite(Reference(path: FieldPath(), form: form, value: value)) else { return nil }
        return new
    }

    @Test(arguments: [
        (ReferenceForm.host, "reviews", nil), (.host, "reviews.team-000", nil),
        (.host, "reviews.team-000.svc", "reviews.payments.svc"),
        (.host, "web-0.web.team-000.svc.cluster.local", "web-0.web.payments.svc.cluster.local"),
        (.host, "team-000.svc.cluster.local", nil), (.host, "reviews.team-000.svc.cluster.local:*", "reviews.payments.svc.cluster.local:*"),
        (.host, "reviews.team-000.svc.other.domain", nil), (.host, "2001:db8::1", nil), (.host, "10.0.0.1:80", nil),
        (.host, "shop.example.com", nil), (.host, "*.shop.example.com", "*.shop.example.org"), (.host, "*", nil),
        (.namespacedHost, "~/*", nil), (.namespacedHost, "./*", nil), (.namespacedHost, "*/*", nil),
        (.namespacedHost, "~team-000/*", "~payments/*"), (.namespacedHost, "team-000/*", "payments/*"),
        (.namespacedHost, "team-0000/*", nil), (.namespacedHost, "./a.shop.example.com", "./a.shop.example.org"),
        (.gateway, "mesh", nil), (.gateway, "istio-system/ingress-0", "istio-ingress/public"), (.gateway, "gw", nil),
        (.gateway, "team-000/gw", "payments/gw"), (.gateway, "istio-system/ingress-1", nil),
        (.namespace, "team-000", "payments"), (.namespace, ".", nil), (.namespace, "*", nil), (.namespace, "team-*", nil),
        (.namespaceList, "team-000", "payments"), (.namespaceList, " team-000 ,.", " payments ,."), (.namespaceList, "*", nil),
        (.principal, "*", nil), (.principal, "cluster.local/ns/team-000/sa/a", "mesh.example.com/ns/payments/sa/a"),
        (.principal, "cluster.local/ns/team-001/sa/a", "mesh.example.com/ns/team-001/sa/a"),
        (.principal, "other.local/ns/team-000/sa/a", "other.local/ns/payments/sa/a"), (.principal, "*/ns/team-000/*", "*/ns/payments/*"),
        (.principal, "cluster.local/ns/team-0*", "mesh.example.com/ns/team-0*"), (.principal, "cluster.localx/ns/a/sa/b", nil),
        (.serviceAccount, "team-000/web", "payments/web"), (.serviceAccount, "web", nil),
        (.trustDomain, "cluster.local", "mesh.example.com"), (.trustDomain, "cluster.*", nil),
        (.subjectAltName, "spiffe://cluster.local/ns/team-000/sa/a", "spiffe://mesh.example.com/ns/payments/sa/a"),
        (.subjectAltName, "a.team-000.svc.cluster.local", "a.payments.svc.cluster.local"), (.subjectAltName, "spiffe://other/x", nil),
        (.envoyCluster, "outbound|80||a.team-000.svc.cluster.local", "outbound|80||a.payments.svc.cluster.local"),
        (.envoyCluster, "inbound|9080||", nil), (.envoyCluster, "PassthroughCluster", nil),
        (.envoyCluster, "outbound_.80_._.api.shop.example.com", "outbound_.80_._.api.shop.example.org"),
        (.url, "http://jwks.team-000.svc.cluster.local:8080/k?x=1#f", "http://jwks.payments.svc.cluster.local:8080/k?x=1#f"),
        (.url, "https://keys.shop.example.com", "https://keys.shop.example.org"), (.url, "oci://registry.team-000.svc:5000/p:1", "oci://registry.payments.svc:5000/p:1"),
        (.url, "http://[::1]:8080/x", nil), (.url, "jwks.team-000.svc.cluster.local/keys", nil),
        (.url, "https://www.shop.example.com", "https://www.shop.example.org"), (.url, "https://team-000.", nil),
    ] as [(ReferenceForm, String, String?)])
    func form(_ form: ReferenceForm, _ value: String, _ expected: String?) {
        #expect(Self.rewrite(form, value) == expected)
    }

    @Test func theClusterDomainDecidesWhatIsAnInClusterName() throws {
        let text = "apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {a: b}\nclusterDomain: corp.internal\n"
        let rewriter = MeshRewriter(try RuleSet.parse(bytes: Array(text.utf8), source: "r.yaml"))
        var context = MeshRewriter.Context(rewriter: rewriter, namespace: "a", newNamespace: "b", tally: [0])
        #expect(context.rewrite(Reference(path: FieldPath(), form: .host, value: "x.a.svc.corp.internal")) == .rewritten("x.b.svc.corp.internal"))
        #expect(context.rewrite(Reference(path: FieldPath(), form: .host, value: "x.a.svc.cluster.local")) == .unchanged)
        #expect(context.rewrite(Reference(path: FieldPath(), form: .host, value: "x.a.svc")) == .rewritten("x.b.svc"))
        #expect(context.tally == [2])
    }

    @Test func patternsThatCoverAMovedNamespaceAreReported() {
        var context = MeshRewriter.Context(rewriter: Self.rewriter, namespace: "x", newNamespace: "x", tally: [0, 0, 0, 0])
        let mention = "\"*-000\" also matches team-000 (moving to payments); a pattern is not rewritten"
        #expect(context.rewrite(Reference(path: FieldPath(), form: .namespace, value: "*-000")) == .mentioned(mention))
        #expect(context.rewrite(Reference(path: FieldPath(), form: .namespace, value: "prod-*")) == .unchanged)
        #expect(context.rewrite(Reference(path: FieldPath(), form: .namespaceList, value: "team-000,*-000"))
                == .rewritten("payments,*-000", mention: mention))
        #expect(context.rewrite(Reference(path: FieldPath(), form: .principal, value: "cluster.local/ns/*-000/sa/a"))
                == .rewritten("mesh.example.com/ns/*-000/sa/a", mention: mention))
    }

    /// Regular expressions are never rewritten; one that mentions a mapped name, escapes and
    /// all, is reported.
    @Test(arguments: [
        ("https://.*\\.team-000\\.svc\\.cluster\\.local", "regular expression mentions team-000; not rewritten"),
        ("https://www\\.shop\\.example\\.com(:[0-9]+)?", "regular expression mentions *.shop.example.com; not rewritten"),
        ("^/api/team-000/.*", "regular expression mentions team-000; not rewritten"),
        ("https://.*\\.team-0001\\.example", nil),
        ("\\d+\\.shop\\.example\\.org", nil),
    ] as [(String, String?)])
    func regexMentions(regex: String, mention: String?) {
        var context = MeshRewriter.Context(rewriter: Self.rewriter, namespace: "x", newNamespace: "x", tally: [0, 0, 0, 0])
        #expect(context.rewrite(Reference(path: FieldPath(), form: .regex, value: regex)) == (mention.map { .mentioned($0) } ?? .unchanged))
    }
}
