import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// istioctl analyze's own test table (`analyzers_test.go`, vendored as
/// testdata/istio-analyze/grid.json): for every case whose analyzer meshdump implements (any
/// analyzer added to `Analyzers.all` joins automatically), meshdump reports the same
/// (message, object) list as istioctl. Cases are set up as istio's test sets them up: objects
/// without a namespace stay without one, the root namespace is istio-system, and the default
/// ingress gateway Pod and Service are added (testdata/istio-analyze/defaults.yaml).
struct IstioAnalyzeGridTests {
    /// One case of the table.
    struct GridCase: Sendable, CustomTestStringConvertible {
        var name: String
        var analyzer: String
        var files: [String]
        var meshConfig: String?
        var expected: [String]

        var testDescription: String { "\(analyzer): \(name)" }
    }

    /// Go type names in the table whose `Metadata().Name` differs (SOURCES.md); the case with
    /// no analyzer is the VirtualService schema validation.
    static let metadataNames = [
        "authz.AuthorizationPoliciesAnalyzer": "auth.AuthorizationPoliciesAnalyzer",
        "deprecation.FieldAnalyzer": "deprecation.DeprecationAnalyzer",
        "destinationrule.PodNotSelectedAnalyzer": "destinationrule.SubsetSelectPodAnalyzer",
    ]
    static let schemaAnalyzer = "schema.ValidationAnalyzer.VirtualService"

    static let root = CheckTestSupport.testdata("istio-analyze/")

    static let allCases: [GridCase] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: root + "grid.json"))
        let table = try! JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        return table.map { entry in
            let goName = entry["analyzer"] as? String
            let expected = (entry["expected"] as! [[String]]).map { "\($0[0]) \($0[1])" }
            return GridCase(name: entry["name"] as! String, analyzer: goName.map { metadataNames[$0] ?? $0 } ?? schemaAnalyzer,
                            files: entry["files"] as! [String], meshConfig: entry["meshConfig"] as? String, expected: expected.sorted())
        }
    }()

    static let implemented: [GridCase] = {
        let names = Set(Analyzers.all.map(\.name))
        return allCases.filter { names.contains($0.analyzer) }
    }()

    @Test(arguments: implemented)
    func sameFindingsAsIstioctl(_ gridCase: GridCase) throws {
        let analyzer = try #require(Analyzers.all.first { $0.name == gridCase.analyzer })
        let paths = gridCase.files.map { Self.root + $0 } + [Self.root + "defaults.yaml"]
        let objects = try FileSource(paths: paths).objects()
        var snapshot = MeshSnapshot(objects: objects, defaultNamespace: "", now: CheckTestSupport.now)
        snapshot.mesh = try MeshSettings.resolve(file: gridCase.meshConfig.map { Self.root + $0 }, snapshot: snapshot)
        let result = try CheckRun(analyzers: [analyzer]).run(snapshot)
        #expect(CheckTestSupport.summary(result).sorted() == gridCase.expected, "skipped: \(result.skipped)")
    }

    /// The table is read whole, and the analyzers meshdump has cover cases of it.
    @Test func tableIsRead() {
        #expect(Self.allCases.count == 61)
    }

    /// The analyzers issue 13 ports: each is in `Analyzers.all` and has cases in the table, and
    /// every case of the table runs (an analyzer dropped from `Analyzers.all` would fail here,
    /// not lose its cases quietly).
    static let ported = [
        "virtualservice.GatewayAnalyzer", "virtualservice.DestinationHostAnalyzer", "virtualservice.DestinationRuleAnalyzer",
        "virtualservice.ConflictingMeshGatewayHostsAnalyzer", "virtualservice.JWTClaimRouteAnalyzer", schemaAnalyzer,
        "gateway.ConflictingGatewayAnalyzer", "gateway.CertificateAnalyzer", "gateway.SecretAnalyzer", "gateway.IngressGatewayPortAnalyzer",
        "destinationrule.CaCertificateAnalyzer", "destinationrule.SubsetSelectPodAnalyzer", "sidecar.SelectorAnalyzer",
        "telemetry.SelectorAnalyzer", "telemetry.DefaultSelectorAnalyzer", "auth.AuthorizationPoliciesAnalyzer",
        "serviceentry.ConflictingServiceEntryProtocolAnalyzer", "envoyfilter.EnvoyPatchAnalyzer", "deprecation.DeprecationAnalyzer",
    ]

    @Test func everyPortedAnalyzerRunsItsCases() {
        let registered = Set(Analyzers.all.map(\.name))
        let withCases = Set(Self.allCases.map(\.analyzer))
        for name in Self.ported {
            #expect(registered.contains(name), "\(name) is not in Analyzers.all")
            #expect(withCases.contains(name), "\(name) has no case in the table")
        }
        #expect(Self.implemented.count == Self.allCases.count,
                "cases of no registered analyzer: \(Set(Self.allCases.map(\.analyzer)).subtracting(registered).sorted())")
    }

    /// Every IST code meshdump emits has istioctl's name, code and level (codes.json, from
    /// istio's messages.yaml).
    @Test func codesMatchIstiosCatalogue() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "codes.json"))
        let catalogue = try JSONSerialization.jsonObject(with: data) as! [String: [String: String]]
        for type in Set(Analyzers.all.flatMap(\.messages)) where type.code.hasPrefix("IST") {
            let entry = try #require(catalogue[type.name], "\(type.name) is not in istio's catalogue")
            #expect(entry["code"] == type.code, "\(type.name)")
            #expect(entry["level"]?.lowercased() == type.severity.rawValue, "\(type.name)")
        }
    }
}
