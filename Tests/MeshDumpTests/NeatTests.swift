import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Neat removes what the server owns and nothing else.
struct NeatTests {
    @Test func keepsMeaningfulEmptiesAndDropsServerMetadata() throws {
        let value: Value = [
            "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": ["name": "allow-all", "namespace": "a", "uid": "x", "resourceVersion": "1", "labels": [:],
                         "generation": 3, "managedFields": [["manager": "kubectl"]], "creationTimestamp": "2024-01-01T00:00:00Z",
                         "annotations": ["kubectl.kubernetes.io/last-applied-configuration": "{}"]],
            "spec": ["rules": [[:]], "selector": [:], "exportTo": [], "empty": ""],
            "status": ["x": 1],
        ]
        #expect(Neat().neat(value) == [
            "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": ["name": "allow-all", "namespace": "a"],
            "spec": ["rules": [[:]], "selector": [:], "exportTo": [], "empty": ""],
        ])
    }

    @Test func keepsAuthorsAnnotationsAndGenerateName() {
        let value: Value = ["apiVersion": "v1", "kind": "ConfigMap",
                            "metadata": ["generateName": "x-", "name": "x-1",
                                         "annotations": ["deployment.kubernetes.io/revision": "2", "team": "a"]]]
        #expect(Neat().neat(value) == ["apiVersion": "v1", "kind": "ConfigMap",
                                       "metadata": ["generateName": "x-", "name": "x-1", "annotations": ["team": "a"]]])
    }

    /// kubectl-neat's own fixtures: everything kubectl-neat keeps, meshdump keeps identically,
    /// and meshdump also keeps what it drops for being empty or a default (documented in README).
    @Test(arguments: ["pod1", "service1", "pv1", "role", "secret1", "list1"])
    func kubectlNeatFixtures(_ name: String) throws {
        let dir = TestPaths.testdata("kubectl-neat")
        func objects(_ file: String) throws -> [Object] {
            try FileSource(paths: [dir.appendingPathComponent(file).path]).objects()
        }
        let ours = try objects(name + "-raw.json").map { Neat().neat($0.value) }
        let fromYAML = try objects(name + "-raw.yaml").map { Neat().neat($0.value) }
        let raw = try objects(name + "-raw.json").map(\.value)
        let theirs = try objects(name + "-neat.json").map(\.value)
        #expect(ours == fromYAML)
        try #require(ours.count == theirs.count)
        for (i, object) in ours.enumerated() {
            #expect(Self.contains(object, theirs[i]), "kubectl-neat kept something meshdump dropped")
            #expect(object["metadata"] == theirs[i]["metadata"])
            #expect(object["status"] == nil)
            for key in raw[i].mappingValue!.keys where key != "metadata" && key != "status" {
                #expect(object[key] == raw[i][key], "\(key) must be kept whole")
            }
        }
    }

    /// Skipping what neat drops while decoding gives the same neat objects as decoding it all.
    @Test func decodingWithoutDroppedFieldsNeatsTheSame() throws {
        let bytes = try TestPaths.bytes(TestPaths.testdata("cluster/istio-dump.json"))
        func objects(_ dropped: DroppedFields?) throws -> [Object] {
            let decoder = ObjectDecoder(InputBytes(bytes, source: "dump"), dropped: dropped)
            var all: [Object] = []
            while let o = try decoder.next() { all.append(o) }
            return all
        }
        let full = try objects(nil), skipped = try objects(Neat.droppedFields)
        #expect(full.count == 66 && skipped.count == 66)
        #expect(full.allSatisfy { $0.value["status"] != nil })
        #expect(skipped.allSatisfy { $0.value["status"] == nil && $0.value[path: ["metadata", "managedFields"]] == nil })
        #expect(zip(full, skipped).allSatisfy { Neat().neat($0.value) == Neat().neat($1.value) })
    }

    /// Whether `big` holds everything in `small`, key by key and position by position.
    static func contains(_ big: Value, _ small: Value) -> Bool {
        switch (big, small) {
        case (.mapping(let b), .mapping(let s)):
            return s.allSatisfy { entry in b[entry.key].map { contains($0, entry.value) } ?? false }
        case (.sequence(let b), .sequence(let s)):
            return b.count == s.count && zip(b, s).allSatisfy { contains($0, $1) }
        default:
            return big == small
        }
    }
}
