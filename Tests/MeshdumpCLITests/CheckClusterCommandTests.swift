import Foundation
import Testing
import TestSupport

/// `meshdump check` with `cluster:` SOURCEs, against the fixture API server serving the clean
/// mesh of `testdata/check/clean`, one broken VirtualService, and Istio's CRDs.
struct CheckClusterCommandTests {
    /// Served beside the clean mesh: a VirtualService bound to a Gateway that does not exist.
    static let legacy = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: legacy, namespace: shop}
        spec:
          gateways: [istio-system/retired]
          hosts: [legacy.shop.example.com]
          http:
          - route:
            - destination: {host: reviews, port: {number: 9080}, subset: v1}

        """

    /// The tree to apply: a VirtualService bound to the cluster's Gateway (with a misspelt
    /// field), the cluster's legacy VirtualService fixed, an AuthorizationPolicy at a version
    /// the cluster does not serve, and a Gateway whose Secret the cluster lacks.
    static let tree: [String: String] = [
        "shop/storefront.yaml": """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: storefront, namespace: shop}
            spec:
              gateways: [istio-system/public]
              hosts: [storefront.shop.example.com]
              http:
              - route:
                - destination: {host: reviews, port: {number: 9080}, subset: v1}
                timout: 5s

            """,
        "shop/legacy.yaml": """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: legacy, namespace: shop}
            spec:
              gateways: [istio-system/public]
              hosts: [legacy.shop.example.com]
              http:
              - route:
                - destination: {host: reviews, port: {number: 9080}, subset: v1}

            """,
        "shop/allow-ingress.yaml": """
            apiVersion: security.istio.io/v1alpha1
            kind: AuthorizationPolicy
            metadata: {name: allow-ingress, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: ingressgateway}}
              rules: [{to: [{operation: {ports: ["8443"]}}]}]

            """,
        "istio-system/private.yaml": """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: private, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - hosts: [shop/private.example.org]
                port: {name: https-private, number: 443, protocol: HTTPS}
                tls: {credentialName: private-cert, mode: SIMPLE}

            """,
    ]

    /// Runs `body` with a fixture server for the clean mesh, the legacy VirtualService and
    /// Istio's CRDs, and the tree written under `dir/tree`.
    static func withCluster(_ body: (_ dir: String, _ kubeconfig: String) throws -> Void) throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(legacy, to: dir + "/served/legacy.yaml")
        for (path, text) in tree { try CLI.write(text, to: dir + "/tree/" + path) }
        let server = try FixtureServer(["--fixtures", CLI.testdata("check/clean"), "--fixtures", dir + "/served",
                                        "--fixtures", CLI.testdata("check/crds/crd-all.gen.yaml")], in: dir)
        try body(dir, server.kubeconfig)
    }

    /// The cluster alone: its own broken VirtualService is found, at its identity (no file).
    @Test func aClusterAloneIsChecked() throws {
        try Self.withCluster { _, kubeconfig in
            let outcome = try CheckCommandTests.meshdump(["check", "cluster:", "--kubeconfig", kubeconfig, "--revision", "default"])
            #expect(outcome.stderr == "")
            #expect(outcome.stdout == """
                error[IST0101]: VirtualService shop/legacy spec.gateways[0]: Referenced gateway not found: "istio-system/retired". Add Gateway istio-system/retired to what is applied, or correct the reference. (ReferencedResourceNotFound, virtualservice.GatewayAnalyzer)
                warning[IST0132]: VirtualService shop/legacy spec.gateways[0]: one or more host [legacy.shop.example.com] defined in VirtualService shop/legacy not found in Gateway istio-system/retired. Add the host to a server of the Gateway, or change the VirtualService's hosts. (VirtualServiceHostNotFoundInGateway, virtualservice.GatewayAnalyzer)
                1 error, 1 warning, 0 info in 16 objects (26 analyzers, 0 skipped)

                """)
            #expect(outcome.code == 1)
        }
    }

    /// Files overlay the cluster: the fixed legacy VirtualService replaces the cluster's, the
    /// new one's Gateway is found in the cluster, the Gateway policy finds the cluster's gateway
    /// Pod (listed as metadata only); what the cluster lacks is reported: the Secret, the
    /// apiVersion it does not serve, and a field its VirtualService CRD does not have. The
    /// files overlay the cluster whether they are given after `cluster:` or before it.
    @Test(arguments: [false, true])
    func filesOverlayTheCluster(filesFirst: Bool) throws {
        try Self.withCluster { dir, kubeconfig in
            let sources = filesFirst ? [dir + "/tree", "cluster:fixture"] : ["cluster:fixture", dir + "/tree"]
            let outcome = try CheckCommandTests.meshdump(["check"] + sources + ["--kubeconfig", kubeconfig, "--revision", "default"])
            #expect(outcome.stderr == "")
            #expect(outcome.stdout == """
                \(dir)/tree/istio-system/private.yaml:9:11: error[IST0101]: Gateway istio-system/private spec.servers[0].tls.credentialName: Referenced credentialName not found: "private-cert". Create Secret istio-system/private-cert (the gateway workload's namespace) in the target cluster. (ReferencedResourceNotFound, gateway.SecretAnalyzer)
                \(dir)/tree/istio-system/private.yaml:9:11: error[MD0005]: Gateway istio-system/private spec.servers[0].tls.credentialName: Needs Secret istio-system/private-cert, which is not in the sources. Copy it to the target cluster before applying (`meshdump check -o secrets` lists them all). (CredentialSecretNotFound, meshdump.CredentialSecretAnalyzer)
                \(dir)/tree/shop/allow-ingress.yaml:1:1: error[MD0008]: AuthorizationPolicy istio-system/allow-ingress apiVersion: apiVersion security.istio.io/v1alpha1 is not served by cluster:fixture (it serves AuthorizationPolicy at security.istio.io/v1, security.istio.io/v1beta1): kubectl apply refuses the object. Change apiVersion to security.istio.io/v1. (UnservedAPIVersion, meshdump.SchemaAnalyzer)
                \(dir)/tree/shop/storefront.yaml:10:5: error[MD0006]: VirtualService shop/storefront spec.http[0].timout: Unknown field "timout": networking.istio.io/v1 VirtualService has no such field, so kubectl apply (strict field validation, its default) refuses the object. Remove it or fix its spelling. (UnknownField, meshdump.SchemaAnalyzer)
                4 errors, 0 warnings, 0 info in 22 objects (26 analyzers, 0 skipped)

                """)
            #expect(outcome.code == 1)

            let secrets = try CheckCommandTests.meshdump(["check", "cluster:", dir + "/tree", "--kubeconfig", kubeconfig, "-o", "secrets"])
            #expect(secrets.stdout == "istio-system/private-cert\n")
        }
    }

    /// The cluster's Secret is read to check the certificate, and nothing of it is printed.
    @Test(arguments: ["text", "json", "sarif", "secrets"])
    func noSecretValueIsPrinted(format: String) throws {
        let secret = try CLI.read(CLI.testdata("check/clean/istio-system/secrets/shop-cert.yaml"))
        let values = secret.split(separator: "\n").filter { $0.contains("tls.") }.map { String($0.split(separator: ":", maxSplits: 1)[1].dropFirst()) }
        #expect(values.count == 2)
        try Self.withCluster { dir, kubeconfig in
            try CLI.write("apiVersion: v1\nkind: Secret\nmetadata: {name: shop-cert, namespace: istio-system}\ndata: {tls.crt: bm90IGEgY2VydA==, tls.key: c2VjcmV0}\n",
                          to: dir + "/broken-secret/secret.yaml")
            for sources in [["cluster:"], ["cluster:", dir + "/tree"], ["cluster:", dir + "/broken-secret"]] {
                let outcome = try CheckCommandTests.meshdump(["check"] + sources + ["--kubeconfig", kubeconfig, "-o", format])
                for value in values + ["bm90IGEgY2VydA==", "c2VjcmV0", "not a cert", "BEGIN"] {
                    #expect(!outcome.stdout.contains(value) && !outcome.stderr.contains(value), "\(sources) -o \(format)")
                }
                #expect(outcome.code == 1)
            }
        }
    }

    /// The overlaid Secret that is no certificate is found: the file's Secret replaced the cluster's.
    @Test func aFileSecretReplacesTheClusters() throws {
        try Self.withCluster { dir, kubeconfig in
            try CLI.write("apiVersion: v1\nkind: Secret\nmetadata: {name: shop-cert, namespace: istio-system}\ndata: {tls.crt: bm90IGEgY2VydA==, tls.key: c2VjcmV0}\n",
                          to: dir + "/broken-secret/secret.yaml")
            for sources in [["cluster:", dir + "/broken-secret"], [dir + "/broken-secret", "cluster:"]] {
                let outcome = try CheckCommandTests.meshdump(["check"] + sources + ["--kubeconfig", kubeconfig, "--kinds", "gw",
                                                                                  "--disable", "IST0101", "--disable", "IST0132"])
                #expect(outcome.stdout.contains("error[IST0161]: Gateway istio-system/public"), "\(sources)")
                #expect(outcome.code == 1)
            }
        }
    }

    @Test func clusterOptionsNeedAClusterSource() throws {
        let outcome = try CheckCommandTests.meshdump(["check", "--context", "prod", CheckCommandTests.clean])
        #expect(outcome.code == 2)
        #expect(outcome.stderr == "meshdump: error: --context and --kubeconfig apply to a cluster: SOURCE, and none is given\nSee 'meshdump check --help' for usage.\n")
    }
}
