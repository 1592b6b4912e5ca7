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

    /// A report of `n` objects in reverse identity order, every third failed.
    static func report(_ n: Int, applySet: ApplySetParent? = .secret(named: "mesh")) -> ApplyReport {
        let entries = (0..<n).reversed().map { i in
            ApplyEntry(id: ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: i % 2 == 0 ? "team-a" : "", name: "vs-\(i)"),
                       apiVersion: "networking.istio.io/v1", origin: .file(path: "tree/vs-\(i).yaml", document: 0, mark: Mark(line: 1, column: 1)),
                       outcome: i % 3 == 0 ? .failed : .created, message: i % 3 == 0 ? "denied <\(i)> & \"quoted\"" : nil)
        }
        return ApplyReport(source: "tree", target: "new", dryRun: false, applySet: applySet, result: .failed, objects: ApplyEntries(entries),
                           createdNamespaces: ["team-b", "team-a"])
    }

    /// The JSON report as one document: what `writeJSON` writes a piece at a time.
    static func document(_ report: ApplyReport) -> Value {
        var counts = Mapping()
        for outcome in ApplyOutcome.allCases { counts[outcome.rawValue] = .int(String(report.count(outcome))) }
        let objects: [Value] = report.objects.map { entry in
            var object: Value = ["apiVersion": .string(entry.apiVersion), "kind": .string(entry.id.kind), "name": .string(entry.id.name),
                                 "source": .string(entry.origin.description)]
            if !entry.id.namespace.isEmpty { object["namespace"] = .string(entry.id.namespace) }
            if let outcome = entry.outcome { object["outcome"] = .string(outcome.rawValue) }
            if let message = entry.message { object["message"] = .string(message) }
            return object
        }
        var document: Value = [
            "apiVersion": "meshdump/v1", "kind": "ApplyReport", "source": .string(report.source), "target": .string(report.target),
            "dryRun": .bool(report.dryRun), "result": .string(report.result.rawValue), "counts": .mapping(counts),
            "createdNamespaces": .sequence(report.createdNamespaces.map(Value.string)), "objects": .sequence(objects),
        ]
        document["applySet"] = report.applySet.map { parent in
            ["id": .string(parent.id), "kind": .string(parent.kind), "namespace": .string(parent.namespace), "name": .string(parent.name)]
        } ?? .null
        return document
    }

    @Test(arguments: [0, 3, 2_000])
    func jsonIsWrittenAPieceAtATimeAsOneDocumentWouldBe(_ n: Int) throws {
        for report in [Self.report(n), Self.report(n, applySet: nil)] {
            var pieces: [[UInt8]] = []
            try report.writeJSON { pieces.append($0) }
            var expected: [UInt8] = []
            try JSONWriter.write(Self.document(report), to: &expected)
            #expect(pieces.joined().elementsEqual(expected))
            #expect(pieces.allSatisfy { $0.count < 2 << 16 }, "\(pieces.count) pieces")
        }
    }

    @Test func textIsWrittenAPieceAtATime() {
        let report = Self.report(5_000)
        var pieces: [[UInt8]] = []
        report.writeText { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == report.text())
        #expect(report.text().hasPrefix("created VirtualService vs-1\ncreated VirtualService vs-1001\n"))
        #expect(report.text().hasSuffix("\n3333 created, 0 configured, 0 unchanged, 0 pruned, 1667 failed\n"))
    }

    @Test(arguments: [(ApplyReport.Result.applied, Int32(0)), (.planned, 0), (.failed, 1), (.refused, 1)])
    func exitStatus(_ result: ApplyReport.Result, _ code: Int32) {
        #expect(ApplyReport(source: "t", target: "n", dryRun: false, applySet: nil, result: result, objects: []).exitCode == code)
    }
}
