import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Testing
import TestSupport
@testable import MeshDumpSources

/// Issue 12: `--with-namespaces` and `--with-secrets` against a generated mesh whose Gateways
/// name Secrets (`--generate 2x11x1 --with-dependencies`; `retired-tls` is missing): what is
/// pulled in and why, where Gateways' Secrets are looked up, and what is only a warning.
@Suite struct DependencyExportTests {
    static func cluster() throws -> FixtureCluster {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 2, kinds: 11, objectsPerKind: 1, dependencies: true).populate(&cluster)
        // A Gateway whose selector selects no Pod: where its Secret lives is unknown.
        try cluster.add(["apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": ["name": "internal", "namespace": "checkout-0"],
                         "spec": ["selector": ["istio": "internalgateway"],
                                  "servers": [["port": ["number": 443, "name": "https", "protocol": "HTTPS"], "hosts": ["internal.example.com"],
                                               "tls": ["mode": "SIMPLE", "credentialName": "internal-tls"]]]]])
        return cluster
    }

    func export(_ server: FixtureAPIServer, to out: String, kinds: String, namespaces: Set<String>? = nil,
                dependencies: DependencyOptions = DependencyOptions(namespaces: true, secrets: true),
                diagnostics: DiagnosticCollector) async throws -> ExportReport {
        let source = ClusterSource(connection: try connection(KubeconfigText(server: server.url)), options: testOptions, diagnostics: diagnostics)
        return try await ExportRun(sink: try TreeWriter(root: out), dependencies: dependencies)
            .run([.init(source: source)], request: ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: [kinds]), namespaces: namespaces)),
                 diagnostics: diagnostics)
    }

    @Test func secretsComeFromTheGatewayWorkloadsNamespaceAndMissingOnesAreWarnings() async throws {
        let out = try scratchFolder() + "/data"
        let diagnostics = DiagnosticCollector()
        let report = try await withServer(try Self.cluster()) { server in
            let report = try await export(server, to: out, kinds: "gw,dr", diagnostics: diagnostics)
            // One list of Pods for the one selector every Gateway but `internal` shares, one for `internal`'s.
            let podLists = server.log.requests.filter { $0.path == "/api/v1/pods" }.map { $0.query["labelSelector"] ?? "" }
            #expect(podLists == ["istio=ingressgateway", "istio=internalgateway"])
            return report
        }
        #expect(report.committed)
        let pulled = report.sources[0].pulledIn.map { "\($0.object.id): \($0.reason)" }
        #expect(pulled == [
            "Namespace checkout-0: for the objects in it",
            "Namespace istio-ingress: for the objects in it",
            "Namespace payments-0: for the objects in it",
            "Secret istio-ingress/reviews-tls: for Gateway checkout-0/reviews and Gateway payments-0/reviews",
            "Secret istio-ingress/shop-tls: for Gateway istio-ingress/public-gw",
            "Secret istio-ingress/shop-tls-cacert: for Gateway istio-ingress/public-gw (the CA certificate Istio reads beside shop-tls)",
            "Secret payments-0/external-api-client: for DestinationRule payments-0/external-api",
        ])
        #expect(diagnostics.diagnostics.map(\.message) == [
            "Gateway checkout-0/internal selects no Pod in fixture (selector istio=internalgateway), so the namespace of its gateway workload, where its Secrets live, is unknown; --with-secrets skipped internal-tls",
            "Gateway istio-ingress/public-gw names Secret istio-ingress/retired-tls, which fixture does not have",
        ])
        #expect(diagnostics.diagnostics.allSatisfy { $0.severity == .warning && $0.origin != nil })
        #expect(report.summary.contains("  pulled in: Secret istio-ingress/reviews-tls, for Gateway checkout-0/reviews and Gateway payments-0/reviews\n"))
        let secret = try String(contentsOfFile: out + "/istio-ingress/secrets/shop-tls.yaml", encoding: .utf8)
        #expect(secret.contains("type: kubernetes.io/tls") && !secret.contains("resourceVersion"))
        #expect(try String(contentsOfFile: out + "/.meshdump", encoding: .utf8).hasPrefix("written by meshdump; HOLDS SECRETS"))
    }

    /// With `-n`, only the namespaces exported and those their Secrets live in.
    @Test func namespacesFollowWhatWasExported() async throws {
        let out = try scratchFolder() + "/data"
        let report = try await withServer(try Self.cluster()) { server in
            try await export(server, to: out, kinds: "gw", namespaces: ["payments-0"], diagnostics: DiagnosticCollector())
        }
        #expect(report.sources[0].pulledIn.map(\.object.id.description) == ["Namespace istio-ingress", "Namespace payments-0", "Secret istio-ingress/reviews-tls"])
        #expect(try TreeContents.files(in: out) == [".meshdump", "_cluster/namespaces/istio-ingress.yaml", "_cluster/namespaces/payments-0.yaml",
                                                     "istio-ingress/secrets/reviews-tls.yaml", "payments-0/gateways/reviews.yaml"])
        let onlyNamespaces = try await withServer(try Self.cluster()) { server in
            try await export(server, to: out, kinds: "vs", dependencies: DependencyOptions(namespaces: true), diagnostics: DiagnosticCollector())
        }
        #expect(onlyNamespaces.sources[0].pulledIn.map(\.object.id.description) == ["Namespace checkout-0", "Namespace payments-0"])
    }

    /// Secrets and Namespaces `--kinds` already exports are not pulled in again (the tree
    /// would hold them twice).
    @Test func whatIsExportedAnywayIsNotPulledInTwice() async throws {
        let out = try scratchFolder() + "/data"
        let report = try await withServer(try Self.cluster()) { server in
            try await export(server, to: out, kinds: "gw,secrets,ns", diagnostics: DiagnosticCollector())
        }
        #expect(report.committed)
        #expect(report.sources[0].pulledIn.isEmpty)
        #expect(report.summary.contains("v1        4 objects in 2 namespaces (skipped service-account tokens (the new cluster makes its own): 2)\n"))
    }
}
