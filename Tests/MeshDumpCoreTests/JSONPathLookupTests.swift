import Testing
@testable import MeshDumpCore

/// Reading one field of a JSON document (an API server's answer) without building the rest.
struct JSONPathLookupTests {
    static let answer = Array(#"""
        {"apiVersion": "v1", "kind": "ConfigMap", "data": {"resourceVersion": "not this one", "x": [1, {"y": "z"}]},
         "metadata": {"managedFields": [{"manager": "m", "fieldsV1": {"f:resourceVersion": {}}}], "name": "a",
                      "annotations": {"last": "{\"metadata\":{\"resourceVersion\":\"9\"}}"}, "resourceVersion": "1234"}}
        """#.utf8)

    @Test func findsTheFieldAtItsPathAndNoOtherOfItsName() throws {
        #expect(try JSONReader.value(at: ["metadata", "resourceVersion"], in: Self.answer, source: "t") == "1234")
        #expect(try JSONReader.value(at: ["data", "x"], in: Self.answer, source: "t") == [1, ["y": "z"]])
        #expect(try JSONReader.value(at: [], in: Self.answer, source: "t") == JSONReader.values(Self.answer, source: "t").first)
    }

    @Test func aMissingStepOrOneThatIsNotAMappingIsNil() throws {
        #expect(try JSONReader.value(at: ["metadata", "uid"], in: Self.answer, source: "t") == nil)
        #expect(try JSONReader.value(at: ["kind", "x"], in: Self.answer, source: "t") == nil)
        #expect(try JSONReader.value(at: ["a"], in: Array("[1]".utf8), source: "t") == nil)
    }

    @Test func malformedJSONOnTheWayIsAnError() {
        #expect(throws: ReadError.self) { try JSONReader.value(at: ["b"], in: Array(#"{"a": [1, "#.utf8), source: "t") }
        #expect(throws: ReadError.self) { try JSONReader.value(at: ["a"], in: Array(#"{"a": tru}"#.utf8), source: "t") }
    }
}
