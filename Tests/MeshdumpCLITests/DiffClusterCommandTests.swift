import Foundation
import Testing
import TestSupport

/// `meshdump diff` against a live cluster: the fixture API server (built with the package),
/// with real kubectl as the reference exporter.
struct DiffClusterCommandTests {
    static let resources = "virtualservices,gateways,envoyfilters,destinationrules,sidecars,peerauthentications,authorizationpolicies,requestauthentications,telemetries,proxyconfigs,serviceentries"

    /// A tree exported with `kubectl get -o yaml | meshdump neat` equals the cluster it came
    /// from, whole and filtered by kind and namespace.
    @Test(.enabled(if: Tools.installed("kubectl"), "kubectl is not installed"))
    func treeExportedWithKubectlEqualsItsCluster() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let server = try FixtureServer(["--generate", "3x11x4"], in: dir)
            let raw = try CLI.runTool("kubectl", ["--kubeconfig", server.kubeconfig, "get", Self.resources, "-A", "-o", "yaml"])
            #expect(raw.code == 0, "\(raw.stderr)")
            try CLI.write(raw.stdout, to: dir + "/raw.yaml")
            let neat = try DiffCommandTests.meshdump(["neat", "-f", dir + "/raw.yaml"])
            try CLI.write(neat.stdout, to: dir + "/tree/mesh.yaml")

            let whole = try DiffCommandTests.meshdump(["diff", dir + "/tree", "cluster:", "--kubeconfig", server.kubeconfig])
            #expect(whole.stderr == "")
            #expect(whole.stdout == "0 changed, 0 added, 0 removed, 132 unchanged\n")
            #expect(whole.code == 0)

            let some = try DiffCommandTests.meshdump(["diff", "cluster:fixture", dir + "/tree", "--kubeconfig", server.kubeconfig,
                                                      "--kinds", "vs,dr", "-n", "payments-0", "-o", "stat"])
            #expect(some.stdout == "0 changed, 0 added, 0 removed, 8 unchanged\n")
            #expect(some.code == 0)

            let typo = try DiffCommandTests.meshdump(["diff", "cluster:", dir + "/tree", "--kubeconfig", server.kubeconfig, "-n", "payments-9", "-n", "payments-0"])
            #expect(typo.stdout == "0 changed, 0 added, 0 removed, 44 unchanged\n")
            #expect(typo.stderr == "meshdump: warning: no objects in namespace \"payments-9\" on either side (-n payments-9)\n")
            #expect(typo.code == 0)

            // `kubectl get … | meshdump diff - cluster:`: raw objects are neated like the cluster's.
            let rawSide = try DiffCommandTests.meshdump(["diff", "-", "cluster:", "--kubeconfig", server.kubeconfig], stdin: raw.stdout)
            #expect(rawSide.stdout == "0 changed, 0 added, 0 removed, 132 unchanged\n")
            #expect(rawSide.code == 0)

            // rewrite reads a cluster as export does: the same tree as `export --rules`.
            try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {payments-0: payments}\n", to: dir + "/rules.yaml")
            let rewritten = try DiffCommandTests.meshdump(["rewrite", "cluster:", "--kubeconfig", server.kubeconfig, "--rules", dir + "/rules.yaml",
                                                           "-d", dir + "/rewritten"])
            #expect(rewritten.code == 0, "\(rewritten.stderr)")
            let exported = try DiffCommandTests.meshdump(["export", "--kubeconfig", server.kubeconfig, "--rules", dir + "/rules.yaml",
                                                          "-d", dir + "/exported"])
            #expect(exported.code == 0, "\(exported.stderr)")
            try TreeContents.expectSame(dir + "/rewritten", dir + "/exported")
        }
    }

    static let served = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: team-a}
        spec:
          hosts: [reviews]
          http:
          - name: primary
            route:
            - destination: {host: reviews, subset: v1}
              weight: 90
            - destination: {host: reviews, subset: v2}
              weight: 10
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: team-a}
        spec:
          host: reviews
          trafficPolicy: {outlierDetection: {maxEjectionPercent: 50.0}}
          subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]

        """

    static let tree: [String: String] = [
        "team-a/virtualservices/reviews.yaml": """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: team-a
            spec:
              hosts:
              - reviews
              http:
              - name: primary
                route:
                - destination:
                    host: reviews
                    subset: v1
                  weight: 80
                - destination:
                    host: reviews
                    subset: v2
                  weight: 20

            """,
        "team-a/destinationrules/reviews.json": #"""
            {"apiVersion": "networking.istio.io/v1", "kind": "DestinationRule",
             "metadata": {"namespace": "team-a", "name": "reviews"},
             "spec": {"subsets": [{"labels": {"version": "v1"}, "name": "v1"}, {"labels": {"version": "v2"}, "name": "v2"}],
                      "trafficPolicy": {"outlierDetection": {"maxEjectionPercent": 50.0}}, "host": "reviews"}}
            """#,
        "team-a/authorizationpolicies/deny.yaml": """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny, namespace: team-a}
            spec: {action: DENY, rules: [{}]}

            """,
    ]

    /// What changed between a tree and its cluster, as text: the version the server serves,
    /// weights by route name, an object only the cluster has and one only the tree has. The
    /// server's `50` for the tree's `50.0` is no change.
    @Test func treeAgainstChangedCluster() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try CLI.write(Self.served, to: dir + "/served/mesh.yaml")
            for (path, text) in Self.tree { try CLI.write(text, to: dir + "/tree/" + path) }
            let server = try FixtureServer(["--fixtures", dir + "/served"], in: dir)
            let outcome = try DiffCommandTests.meshdump(["diff", dir + "/tree", "cluster:fixture", "--kubeconfig", server.kubeconfig])
            #expect(outcome.stderr == "")
            #expect(outcome.stdout == """
                + Gateway istio-system/public
                ~ VirtualService team-a/reviews
                  ~ apiVersion: networking.istio.io/v1beta1 → networking.istio.io/v1
                  ~ spec.http[name=primary].route[0].weight: 80 → 90
                  ~ spec.http[name=primary].route[1].weight: 20 → 10
                - AuthorizationPolicy team-a/deny
                1 changed, 1 added, 1 removed, 1 unchanged

                """)
            #expect(outcome.code == 1)

            let unknown = try DiffCommandTests.meshdump(["diff", dir + "/tree", "cluster:staging", "--kubeconfig", server.kubeconfig])
            #expect(unknown.code == 2)
            #expect(unknown.stderr == "meshdump: error: context \"staging\" does not exist in \(server.kubeconfig)\n")
        }
    }

    /// Without --kinds, the cluster side lists the kinds the tree holds besides the default ones:
    /// a tree exported with its Namespaces, Secrets and Gateway API objects equals its cluster,
    /// whichever side the tree is on (the tree is read first either way).
    @Test func clusterSideListsEveryKindTheTreeHolds() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--generate", "2x11x2", "--with-dependencies"], in: dir)
        let export = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/tree",
                                  "--kinds", "all-istio,gateway-api", "--with-namespaces", "--with-secrets"])
        #expect(export.code == 0, "\(export.stderr)")
        for sides in [[dir + "/tree", "cluster:"], ["cluster:", dir + "/tree"]] {
            let r = try CLI.run(["diff"] + sides + ["--kubeconfig", server.kubeconfig, "-o", "stat"])
            #expect(r.stdout.hasPrefix("0 changed, 0 added, 0 removed, "), "\(r.stdout)")
            #expect(r.code == 0, "\(r.stderr)")
        }
        // With --kinds, only those are compared, on both sides.
        let some = try CLI.run(["diff", dir + "/tree", "cluster:", "--kubeconfig", server.kubeconfig, "--kinds", "ns", "-o", "stat"])
        #expect(some.stdout == "0 changed, 0 added, 0 removed, 3 unchanged\n")
        // A Namespace deleted from the tree is a removal the cluster still has.
        try FileManager.default.removeItem(atPath: dir + "/tree/_cluster/namespaces/istio-ingress.yaml")
        let removed = try CLI.run(["diff", "cluster:", dir + "/tree", "--kubeconfig", server.kubeconfig, "-o", "stat"])
        #expect(removed.stdout.contains("- Namespace istio-ingress"), "\(removed.stdout)")
        #expect(removed.code == 1)
    }
}
