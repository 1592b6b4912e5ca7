import MeshDumpCore
import Testing
@testable import MeshDump

/// A test analyzer: an error at each VirtualService's first gateway, a warning at each
/// DestinationRule's (missing) `caCertificates`, an info about each Namespace; it needs a
/// VirtualService or a DestinationRule, and skips its Namespace part without Namespaces.
struct ProbeAnalyzer: Analyzer {
    static let broken = MessageType(name: "ProbeBroken", code: "MD9001", severity: .error, description: "Broken.")
    static let risky = MessageType(name: "ProbeRisky", code: "MD9002", severity: .warning, description: "Risky.")
    static let note = MessageType(name: "ProbeNote", code: "MD9003", severity: .info, description: "A note.")

    var name: String { "probe.ProbeAnalyzer" }
    var messages: [MessageType] { [Self.broken, Self.risky, Self.note] }
    var requirements: [KindRequirement] { [KindRequirement(.virtualService, .destinationRule)] }

    func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for vs in snapshot.objects(.virtualService) {
            report.add(Self.broken, vs, field: FieldPath("spec", "gateways").index(0), "Gateway \"x\" is broken. Fix it.")
        }
        for dr in snapshot.objects(.destinationRule) {
            report.add(Self.risky, dr, field: FieldPath("spec", "trafficPolicy", "tls", "caCertificates"), "No CA. Add one.")
        }
        guard snapshot.holds(.namespace) else { return report.skip("namespace notes: no Namespace in the sources") }
        for namespace in snapshot.objects(.namespace) {
            report.add(Self.note, namespace, "A namespace.")
        }
    }
}

/// An analyzer that needs Pods.
struct PodAnalyzer: Analyzer {
    var name: String { "probe.PodAnalyzer" }
    var messages: [MessageType] { [] }
    var requirements: [KindRequirement] { [KindRequirement(.pod)] }
    func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {}
}

struct CheckRunTests {
    static let file = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: db, namespace: data}
        spec:
          host: db
          trafficPolicy:
            tls:
              mode: SIMPLE
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: b}
          spec:
            gateways:
            - gw
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: a}
          spec: {}
        """

    static func result(disabled: [String] = [], with namespaces: Bool = false) throws -> CheckResult {
        var objects = try CheckTestSupport.objects(file, path: "mesh.yaml")
        if namespaces {
            objects += try CheckTestSupport.objects("apiVersion: v1\nkind: Namespace\nmetadata: {name: data}\n", path: "ns.yaml")
            objects.append(try Object(value: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "live"]],
                                      origin: .cluster(context: "prod", path: "/api/v1/namespaces")))
        }
        let snapshot = MeshSnapshot(objects: objects, now: CheckTestSupport.now)
        return try CheckRun(analyzers: [ProbeAnalyzer(), PodAnalyzer()], disabled: disabled)
            .run(snapshot, readFile: { $0 == "mesh.yaml" ? Array(file.utf8) : nil })
    }

    @Test func findingsAreSortedByFileAndPositionAndPointAtTheirFields() throws {
        let result = try Self.result(with: true)
        let lines = result.findings.map { "\($0.file ?? "-"):\($0.position?.description ?? "-") \($0.code) \($0.object) \($0.field?.description ?? "")" }
        #expect(lines == [
            // The missing caCertificates points at the tls key that would hold it.
            "mesh.yaml:7:5 MD9002 DestinationRule data/db spec.trafficPolicy.tls.caCertificates",
            "mesh.yaml:18:7 MD9001 VirtualService default/b spec.gateways[0]",
            // A field not in the file (no gateways at all) points at the nearest enclosing one.
            "mesh.yaml:22:3 MD9001 VirtualService default/a spec.gateways[0]",
            "ns.yaml:1:1 MD9003 Namespace data ",
            "-:- MD9003 Namespace live ",
        ])
        #expect(result.skipped == [SkippedAnalyzer(analyzer: "probe.PodAnalyzer", reason: "no Pod in the sources")])
        #expect(result.objectCount == 5)
        #expect(result.analyzerCount == 2)
    }

    @Test func partsOfAnAnalyzerCanBeSkipped() throws {
        let result = try Self.result()
        #expect(result.skipped.map(\.reason) == ["no Pod in the sources", "namespace notes: no Namespace in the sources"])
    }

    @Test func exitStatusFollowsFailOn() throws {
        let result = try Self.result(disabled: ["MD9001"], with: true)
        #expect(result.findings.map(\.code) == ["MD9002", "MD9003", "MD9003"])
        #expect(!result.fails(at: .error))
        #expect(result.fails(at: .warning))
        #expect(result.fails(at: .info))
        #expect(try !Self.result(disabled: ["MD9001", "MD9002"]).fails(at: .info))
    }

    @Test func disablingAnAnalyzerDropsItsFindingsAndSkips() throws {
        let result = try Self.result(disabled: ["probe.ProbeAnalyzer", "probe.PodAnalyzer"])
        #expect(result.findings.isEmpty)
        #expect(result.skipped.isEmpty)
        #expect(result.analyzerCount == 0)
    }

    @Test func disablingAnUnknownNameIsAUsageError() {
        #expect(throws: CheckUsageError.self) { try CheckRun(analyzers: [ProbeAnalyzer()], disabled: ["IST9999"]) }
    }

    @Test func withoutFilesFindingsPointAtTheirObjects() throws {
        let snapshot = MeshSnapshot(objects: try CheckTestSupport.objects(Self.file, path: "mesh.yaml"))
        let result = try CheckRun(analyzers: [ProbeAnalyzer()]).run(snapshot, readFile: nil)
        #expect(result.findings.map { $0.position?.description ?? "-" } == ["1:1", "13:3", "19:3"])
    }
}
