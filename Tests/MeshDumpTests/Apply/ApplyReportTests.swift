import MeshDump
import MeshDumpCore
import Testing

/// How apply's report reads: a line per object that changed, the summary, the exit status.
@Suite struct ApplyReportTests {
    static func entry(_ kind: String, _ name: String, _ outcome: ApplyOutcome, message: String? = nil) -> ApplyEntry {
        ApplyEntry(id: ObjectID(group: "networking.istio.io", kind: kind, namespace: "team-a", name: name), apiVersion: "networking.istio.io/v1",
                   origin: .generated, outcome: outcome, message: message)
    }

    @Test func textListsWhatChangedSortedAndCountsTheRest() {
        let report = ApplyReport(source: "tree", target: "new", dryRun: false, applySet: nil, result: .failed, objects: [
            Self.entry("VirtualService", "b", .unchanged), Self.entry("VirtualService", "a", .created),
            Self.entry("Gateway", "g", .failed, message: "admission webhook \"validation.istio.io\" denied the request: bad"),
            Self.entry("VirtualService", "c", .configured),
        ])
        #expect(report.text() == """
            failed Gateway team-a/g: admission webhook "validation.istio.io" denied the request: bad
            created VirtualService team-a/a
            configured VirtualService team-a/c
            1 created, 1 configured, 1 unchanged, 0 pruned, 1 failed

            """)
        #expect(report.exitCode == 1)
    }

    @Test(arguments: [(ApplyReport.Result.applied, Int32(0)), (.planned, 0), (.failed, 1), (.refused, 1)])
    func exitStatus(_ result: ApplyReport.Result, _ code: Int32) {
        #expect(ApplyReport(source: "t", target: "n", dryRun: false, applySet: nil, result: result, objects: []).exitCode == code)
    }
}
