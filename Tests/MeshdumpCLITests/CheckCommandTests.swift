import Foundation
import Testing
import TestSupport

/// `meshdump check` as users run it: exit 0 nothing at or above --fail-on, 1 findings, 2 usage
/// or read errors; the report on standard output.
struct CheckCommandTests {
    static func meshdump(_ arguments: [String], stdin: String? = nil) throws -> CLI.Result {
        try CLI.runInPackage(arguments, stdin: stdin)
    }

    static let clean = "testdata/check/clean"
    /// The clean tree with seeded breakages: a missing credential Secret and RequestAuthentication,
    /// a Gateway port the Service lacks, a missing Gateway, subset and port, an unselected
    /// subset, a DestinationRule without CA, two mesh VirtualServices for one host.
    static let broken = "testdata/check/broken"

    /// A consistent mesh (every analyzer runs: Services, Pods, Secrets and Namespaces are there,
    /// the revision and the CRDs are given) reports nothing.
    @Test func aConsistentTreeReportsNothing() throws {
        let outcome = try Self.meshdump(["check", "--revision", "default", "--crds", "testdata/check/crds/crd-all.gen.yaml", Self.clean])
        #expect(outcome.code == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == "0 errors, 0 warnings, 0 info in 15 objects (26 analyzers, 0 skipped)\n")
    }

    @Test(arguments: ["text", "json", "sarif"])
    func eachBreakageIsReported(format: String) throws {
        let outcome = try Self.meshdump(["check", "-o", format, Self.broken])
        #expect(outcome.code == 1)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == (try CLI.read(CLI.testdata("check/cli/broken.\(format)"))))
    }

    @Test func failOnSetsTheThreshold() throws {
        let warningsOnly = ["check", "--kinds", "dr", "--disable", "IST0173", Self.broken]
        #expect(try Self.meshdump(warningsOnly).code == 1)
        #expect(try Self.meshdump(warningsOnly + ["--fail-on", "error"]).code == 0)
        #expect(try Self.meshdump(warningsOnly + ["--disable", "destinationrule.CaCertificateAnalyzer", "--fail-on", "info"]).code == 0)
    }

    /// `-n shop`: objects without a namespace are in shop, and only shop's are reported.
    @Test func namespacesScopeTheReportAndGiveTheDefault() throws {
        let vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: orphan}
            spec:
              hosts: [orphan]
              gateways: [public]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: stray, namespace: elsewhere}
            spec:
              gateways: [nope]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public, namespace: elsewhere}
            """
        let outcome = try Self.meshdump(["check", "-n", "shop", "-"], stdin: vs)
        #expect(outcome.code == 1)
        #expect(outcome.stdout == """
            <stdin>:1:1: error[IST0101]: VirtualService shop/orphan spec.gateways[0]: Referenced gateway not found: "public". Add Gateway shop/public to what is applied, or correct the reference. (ReferencedResourceNotFound, virtualservice.GatewayAnalyzer)
            <stdin>:1:1: warning[IST0132]: VirtualService shop/orphan spec.gateways[0]: one or more host [orphan] defined in VirtualService shop/orphan not found in Gateway shop/public. Add the host to a server of the Gateway, or change the VirtualService's hosts. (VirtualServiceHostNotFoundInGateway, virtualservice.GatewayAnalyzer)
            skipped destinationrule.SubsetSelectPodAnalyzer: no Service or ServiceEntry in the sources
            skipped gateway.IngressGatewayPortAnalyzer: no Pod in the sources
            skipped gateway.SecretAnalyzer: no Pod in the sources
            skipped meshdump.CredentialSecretAnalyzer: no Secret in the sources
            skipped meshdump.NamespaceReferenceAnalyzer: no Namespace in the sources
            skipped meshdump.RevisionAnalyzer: no --revision given and no sidecar injector webhook (MutatingWebhookConfiguration labelled istio.io/rev) in the sources
            skipped meshdump.SchemaAnalyzer: no CustomResourceDefinition in the sources and no --crds
            skipped telemetry.SelectorAnalyzer: no Pod in the sources
            skipped virtualservice.DestinationHostAnalyzer: destination hosts not checked: no Service or ServiceEntry in the sources
            skipped virtualservice.DestinationRuleAnalyzer: no DestinationRule in the sources
            skipped virtualservice.JWTClaimRouteAnalyzer: no Pod in the sources
            1 error, 1 warning, 0 info in 3 objects (26 analyzers, 11 skipped)

            """)
        // Standard input cannot be read twice, so its findings point at their objects.
        #expect(try Self.meshdump(["check", "-n", "shop", "--kinds", "gw", "-"], stdin: vs).code == 0)
    }

    @Test(arguments: [
        (["check", "no/such/dir"], "meshdump: error: no/such/dir: no such file or directory\n"),
        (["check", "--mesh-config", "no/mesh.yaml", "testdata/check/clean"], "meshdump: error: no/mesh.yaml: No such file or directory\n"),
        (["check", "--disable", "IST9999", "testdata/check/clean"],
         "meshdump: error: --disable IST9999: no analyzer or code of that name (see the analyzers and codes in `meshdump check --help`)\n"),
        (["check", "--kinds", "vritualservice", "testdata/check/clean"],
         "meshdump: error: unknown kind \"vritualservice\" in --kinds: not a kind meshdump knows; did you mean virtualservice?\n"),
    ])
    func errorsExitTwo(_ arguments: [String], _ message: String) throws {
        let outcome = try Self.meshdump(arguments)
        #expect(outcome.code == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == message)
    }

    @Test func aMalformedFileIsNamedWithItsPosition() throws {
        let outcome = try Self.meshdump(["check", "-"], stdin: "apiVersion: v1\nkind: Service\nmetadata: {name: [x\n")
        #expect(outcome.code == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("meshdump: error: <stdin>:4:1: "))
    }

    @Test func anUnknownContextIsAReadError() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n", to: dir + "/kubeconfig")
        let outcome = try Self.meshdump(["check", "cluster:prod", "--kubeconfig", dir + "/kubeconfig"])
        #expect(outcome.code == 2)
        #expect(outcome.stderr == "meshdump: error: context \"prod\" does not exist in \(dir)/kubeconfig\n")
    }
}
