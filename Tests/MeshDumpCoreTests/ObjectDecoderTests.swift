import Foundation
import Testing
@testable import MeshDumpCore

/// Decoding objects: format by content, Lists flattened, errors naming source and position.
struct ObjectDecoderTests {
    func decode(_ text: String, source: String = "in") throws -> [Object] {
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: source))
        var objects: [Object] = []
        while let o = try decoder.next() { objects.append(o) }
        return objects
    }

    static let vs = #"{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"a","namespace":"n"}}"#

    @Test func jsonListIsFlattenedEvenWithKindAfterItems() throws {
        let list = #"{"apiVersion":"v1","items":[\#(Self.vs),\#(Self.vs.replacingOccurrences(of: "\"a\"", with: "\"b\""))],"kind":"List","metadata":{}}"#
        let objects = try decode(list)
        #expect(objects.map(\.name) == ["a", "b"])
        #expect(objects.map(\.origin.description) == ["in:1:29", "in:1:133"])
    }

    @Test func typedListItemsInheritApiVersionAndKind() throws {
        let list = #"{"apiVersion":"networking.istio.io/v1","kind":"VirtualServiceList","items":[{"metadata":{"name":"x","namespace":"n"},"spec":{}}]}"#
        let o = try #require(try decode(list).first)
        #expect(o.apiVersion == "networking.istio.io/v1")
        #expect(o.kind == "VirtualService")
        #expect(o.id == ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: "n", name: "x"))
    }

    @Test func anObjectWithAnItemsFieldIsNotAList() throws {
        let o = try decode(#"{"apiVersion":"v1","kind":"ConfigMap","items":[1,2],"metadata":{"name":"c"}}"#)
        #expect(o.count == 1)
        #expect(o[0].value["items"] == [1, 2])
        #expect(o[0].value.mappingValue?.keys == ["apiVersion", "kind", "items", "metadata"])
    }

    @Test func yamlListsAndStreams() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: one}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: two}
            ---
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: three
            """
        let objects = try decode(text, source: "f.yaml")
        #expect(objects.map(\.name) == ["one", "two", "three"])
        #expect(objects.map(\.origin.description) == ["f.yaml:4:3", "f.yaml:7:3", "f.yaml:12:1"])
    }

    @Test func flowYAMLThatLooksLikeJSON() throws {
        let o = try decode("{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}}")
        #expect(o.first?.name == "flow")
    }

    @Test func jsonStreamAndByteOrderMark() throws {
        #expect(try decode("\u{FEFF}" + Self.vs + "\n" + Self.vs).count == 2)
    }

    @Test(arguments: [
        ("kind: ConfigMap\nmetadata: {name: x}\n", "in:1:1: not a Kubernetes object: it has no apiVersion"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n", "in:1:1: not a Kubernetes object: it has no metadata.name"),
        ("apiVersion: v1\nkind: 3\nmetadata: {name: x}\n", "in:1:1: not a Kubernetes object: kind is a integer, not a string"),
        ("a\n---\nb", "in:1:1: not a Kubernetes object: the document is a string, not a mapping"),
        ("---\napiVersion: v1\nkind: A\nmetadata: {name: x}\n---\n- 1\n", "in:6:1: not a Kubernetes object: the document is a list, not a mapping"),
        (#"{"apiVersion":"v1","kind":"List","items":[{"kind":"X"}]}"#, "in:1:43: not a Kubernetes object: it has no metadata.name"),
    ])
    func notAnObject(_ text: String, _ message: String) {
        #expect(throws: ObjectError.self) { try decode(text) }
        do { _ = try decode(text) } catch { #expect("\(error)" == message) }
    }

    @Test func truncatedJSONListReportsWhereTheInputEnds() {
        let text = #"{"apiVersion":"v1","kind":"List","items":[\#(Self.vs),{"apiVersion":"#
        #expect(throws: ReadError(source: "in", mark: Mark(line: 1, column: text.count + 1), message: "expected a JSON value, found end of input")) {
            try decode(text)
        }
    }

    @Test func truncatedJSONListReportsWhereTheInputEndsInASkippedField() {
        // `status` is skipped, not parsed, when the caller drops it (as neat does).
        let text = #"{"apiVersion":"v1","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"status":{"a":[1,"#
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: "in"), dropped: DroppedFields(paths: [["status"]]))
        #expect(throws: ReadError(source: "in", mark: Mark(line: 1, column: text.count + 1), message: "expected a JSON value, found end of input")) {
            try decoder.next()
        }
    }

    @Test(arguments: ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"\"\n", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":""}}"#])
    func anEmptyNameIsSaidToBeEmpty(_ text: String) {
        #expect(throws: ObjectError(origin: .file(path: "in", document: 0, mark: Mark(line: 1, column: 1)),
                                    message: "not a Kubernetes object: metadata.name is empty")) { try decode(text) }
    }

    @Test(arguments: [
        (Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u{0}b\n".utf8), Mark(line: 4, column: 10),
         "control characters are not allowed (0x00)"),
        (Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: é".utf8) + [0xFF, 0x0A], Mark(line: 4, column: 10),
         "invalid leading UTF-8 octet (0xFF)"),
    ])
    func aBadByteInYAMLIsReportedWhereItIs(_ bytes: [UInt8], _ mark: Mark, _ message: String) {
        #expect(throws: ReadError(source: "in", mark: mark, message: message)) {
            try ObjectDecoder(InputBytes(bytes, source: "in")).next()
        }
    }

    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/dev/zero"), "needs /dev/zero"))
    func devZeroIsAnErrorAtOnce() throws {
        #expect(throws: ReadError(source: "/dev/zero", mark: Mark(line: 1, column: 1), message: "control characters are not allowed (0x00)")) {
            try ObjectDecoder(try InputBytes.read(path: "/dev/zero")).next()
        }
    }
}
