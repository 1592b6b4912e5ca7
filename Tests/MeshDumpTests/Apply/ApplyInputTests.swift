import Foundation
import MeshDump
import MeshDumpCore
import Testing

/// Phase 1 of apply: what it spools is, byte for byte, what the dry run and the apply send.
struct ApplyInputTests {
    @Test func theSpoolHoldsEachObjectsConfigurationAsItIsSent() async throws {
        let folder = try TreeWriterTests().temporaryDirectory()
        let path = folder + "/objects.yaml"
        try Data("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: team-a, uid: u-1, resourceVersion: "7", labels: {app: reviews}}
            spec: {hosts: [reviews]}
            status: {conditions: []}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: team-a, creationTimestamp: "2025-03-14T09:26:53Z"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: no-namespace}
            data: {k: v}

            """.utf8).write(to: URL(fileURLWithPath: path))
        let set = try ApplySet(parent: .secret(named: "mesh"), tooling: .meshdump(version: "0.1.0"), live: nil)
        let input = try await ApplyInput.read(FileSource(paths: [path]), request: ReadRequest(droppedFields: Neat.droppedFields),
                                              stages: StageChain([Neat()]), set: set, spool: try ObjectSpool(), diagnostics: DiagnosticCollector())
        var expected: [[UInt8]] = []
        try FileSource(paths: [path]).forEach(ReadRequest(droppedFields: Neat.droppedFields)) { object in
            let labelled = try set.member(try #require(Neat().apply(object)))
            var body: [UInt8] = []
            try JSONWriter.write(labelled.configuration(namespace: labelled.namespace.isEmpty ? nil : labelled.namespace), compact: true, to: &body)
            expected.append(body)
        }
        let reader = input.spool.reader()
        var spooled: [[UInt8]] = []
        while let line = try reader.next() { spooled.append(line) }
        #expect(spooled == expected)
        #expect(input.entries.map(\.id.name) == ["reviews", "team-a", "no-namespace"])
        #expect(try JSONReader.values(spooled[0], source: "spool").first?[path: ["metadata", "labels", ApplySetKeys.partOf]] == .string(set.id))
    }
}
