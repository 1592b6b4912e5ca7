import Foundation
import Testing
import TestSupport
@testable import MeshDumpCore

/// Decoding read in chunks: a List handed on item by item in both formats, files larger than a
/// chunk decoded as they would be in memory, and limits that make huge inputs an error.
struct ObjectDecoderStreamingTests {
    /// All objects, with their origins, from a decoder.
    func drain(_ decoder: ObjectDecoder) throws -> [(value: Value, origin: String)] {
        var objects: [(Value, String)] = []
        while let o = try decoder.next() { objects.append((o.value, o.origin.description)) }
        return objects
    }

    func file(_ bytes: [UInt8], name: String) throws -> String {
        let path = try TestPaths.temporaryDirectory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A `kubectl get -o json|yaml` List of `count` ConfigMaps of about 1 KB each: items before kind.
    static func list(_ count: Int, yaml: Bool) -> String {
        let data = String(repeating: "x", count: 900)
        if yaml {
            let items = (0..<count).map { "- apiVersion: v1\n  data:\n    blob: \(data)\n  kind: ConfigMap\n  metadata:\n    name: cm-\($0)\n" }
            return "apiVersion: v1\nitems:\n" + items.joined() + "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
        }
        let items = (0..<count).map { #"{"apiVersion": "v1", "data": {"blob": "\#(data)"}, "kind": "ConfigMap", "metadata": {"name": "cm-\#($0)"}}"# }
        return "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        " + items.joined(separator: ",\n        ")
            + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}\n}\n"
    }

    @Test(arguments: [false, true])
    func aFileLargerThanAChunkDecodesAsInMemory(yaml: Bool) throws {
        let text = Self.list(3000, yaml: yaml)
        #expect(text.utf8.count > 2 * InputBytes.chunkSize)
        let path = try file(Array(text.utf8), name: yaml ? "list.yaml" : "list.json")
        let streamed = try drain(ObjectDecoder(try InputBytes.read(path: path)))
        let inMemory = try drain(ObjectDecoder(InputBytes(Array(text.utf8), source: path)))
        #expect(streamed.count == 3000)
        #expect(streamed.map(\.value) == inMemory.map(\.value))
        #expect(streamed.map(\.origin) == inMemory.map(\.origin))
        #expect(streamed.last?.origin == (yaml ? "\(path):17997:3" : "\(path):3003:9"))
    }

    @Test(arguments: [false, true])
    func listItemsAreHandedOnBeforeTheListIsRead(yaml: Bool) throws {
        // The List breaks after its first item: the item comes out before the error is met.
        let text = Self.list(2, yaml: yaml).replacingOccurrences(of: "cm-1", with: yaml ? "cm-1\n  bad: [" : #"cm-1", ]"#)
        let decoder = ObjectDecoder(try InputBytes.read(path: try file(Array(text.utf8), name: "broken")))
        #expect(try decoder.next()?.name == "cm-0")
        #expect(throws: ReadError.self) { try decoder.next() }
    }

    @Test(arguments: [false, true])
    func anItemOverTheLimitIsAnErrorWhereItStarts(yaml: Bool) throws {
        let blob = String(repeating: "x", count: 3 << 20)
        let text = yaml
            ? "apiVersion: v1\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- apiVersion: v1\n  data: {blob: \(blob)}\n"
                + "  kind: ConfigMap\n  metadata: {name: b}\nkind: List\n"
            : #"{"apiVersion": "v1", "items": ["# + "\n" + #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},"# + "\n"
                + #"{"apiVersion": "v1", "data": {"blob": "\#(blob)"}, "kind": "ConfigMap", "metadata": {"name": "b"}}], "kind": "List"}"#
        let input = try InputBytes.read(path: try file(Array(text.utf8), name: "list"))
        input.limit = 1 << 20
        let decoder = ObjectDecoder(input)
        #expect(try decoder.next()?.name == "a")
        #expect(throws: ReadError(source: input.source, mark: yaml ? Mark(line: 4, column: 3) : Mark(line: 3, column: 1),
                                  message: "a document or List item larger than 1 MB, the most meshdump reads as one object")) {
            try decoder.next()
        }
    }

    @Test(arguments: [("y\n", 1), ("---\ny\n", 1), ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\ny\n", 4)])
    func anEndlessYAMLScalarIsAnErrorWhereItsDocumentStarts(_ head: String, _ line: Int) throws {
        // `yes | meshdump neat`: one plain scalar that never ends.
        let text = head + String(repeating: "y\n", count: 3 << 19)
        let input = try InputBytes.read(path: try file(Array(text.utf8), name: "yes"))
        input.limit = 1 << 20
        let decoder = ObjectDecoder(input)
        #expect(throws: ReadError(source: input.source, mark: Mark(line: line, column: 1),
                                  message: "a document or List item larger than 1 MB, the most meshdump reads as one object")) {
            while try decoder.next() != nil {}
        }
    }

    @Test func itemsStreamedBeforeAKindThatIsNotAListAreAnError() throws {
        let text = "apiVersion: v1\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\nkind: Template\nmetadata: {name: t}\n"
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: "t.yaml"))
        #expect(try decoder.next()?.name == "a")
        #expect(throws: ObjectError(origin: .file(path: "t.yaml", document: 0, mark: Mark(line: 1, column: 1)),
                                    message: "the document's items were read as objects, as in a List, but its kind is \"Template\"; "
                                        + "a document whose items are objects must be a List")) { try decoder.next() }
    }

    @Test(arguments: ["apiVersion: v1\nitems: [1, 2]\nkind: ConfigMap\nmetadata: {name: c}\n",
                      #"{"apiVersion": "v1", "items": [1, 2], "kind": "ConfigMap", "metadata": {"name": "c"}}"#])
    func itemsThatAreNotObjectsBeforeTheKindStayAField(_ text: String) throws {
        let objects = try drain(ObjectDecoder(try InputBytes.read(path: try file(Array(text.utf8), name: "cm"))))
        #expect(objects.count == 1)
        #expect(objects.first?.value.mappingValue?.keys == ["apiVersion", "items", "kind", "metadata"])
        #expect(objects.first?.value["items"] == [1, 2])
    }

    @Test func typedListItemsWaitForAKindWrittenAfterThem() throws {
        let text = """
            apiVersion: networking.istio.io/v1
            items:
            - metadata: {name: x, namespace: ns}
              spec: {}
            kind: VirtualServiceList
            metadata: {continue: next}
            """
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: "l.yaml"))
        let o = try #require(try decoder.next())
        #expect(o.id == ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: "ns", name: "x"))
        #expect(o.origin.description == "l.yaml:3:3")
        #expect(decoder.listFields?["metadata"] == ["continue": "next"])
    }

    @Test func jsonListFieldsAfterItemsAreKnownBeforeTheFirstItemWhenInMemory() throws {
        let text = #"{"apiVersion":"v1","items":[\#(ObjectDecoderTests.vs)],"kind":"List","metadata":{"continue":"tok"}}"#
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: "page"), tracksPositions: false)
        #expect(try decoder.next()?.name == "a")
        #expect(decoder.listFields?["metadata"]?["continue"] == "tok")
    }

    @Test func anchorsReachAcrossItemsAndMergeKeysWorkAtTheTop() throws {
        let text = """
            apiVersion: v1
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: &d {k: v}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}, data: *d}
            kind: List
            ---
            base: &base {apiVersion: v1, kind: ConfigMap}
            <<: *base
            metadata: {name: merged}
            ---
            apiVersion: v1
            kind: List
            items: &all
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: anchored}}
            again: *all
            """
        let objects = try drain(ObjectDecoder(InputBytes(Array(text.utf8), source: "a.yaml")))
        #expect(objects.map { $0.value[path: ["metadata", "name"]] } == ["a", "b", "merged", "anchored"])
        #expect(objects[1].value["data"] == ["k": "v"])
    }

    @Test func aRepeatedItemsKeyIsAnError() {
        let text = "apiVersion: v1\nitems: []\nkind: List\nitems: []\n"
        #expect(throws: ReadError(source: "d.yaml", mark: Mark(line: 4, column: 1), message: "duplicate key \"items\" in mapping")) {
            try drain(ObjectDecoder(InputBytes(Array(text.utf8), source: "d.yaml")))
        }
    }

    @Test func aDroppedYAMLFieldIsSkippedButItsAnchorsStillServe() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, managedFields: [x]}\nstatus: {x: &s {k: v}, y: [1]}\ndata: *s\n"
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: "s.yaml"), dropped: DroppedFields(paths: [["status"], ["metadata", "managedFields"]]))
        let o = try #require(try decoder.next())
        #expect(o.value == ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a"], "data": ["k": "v"]])
    }
}
