import Testing
@testable import MeshDumpCore

/// JSON reading keeps numbers exact, decodes strings as Go does and says where it failed.
struct JSONParserTests {
    @Test func numbersKeepTheirText() throws {
        let v = try JSONReader.values(Array(#"{"a": 12345678901234567890, "b": 1.50, "c": 1e3, "d": 0.1, "e": -0}"#.utf8), source: "t")[0]
        guard case .mapping(let m) = v else { Issue.record("not a mapping"); return }
        #expect(m.values.map { v -> String in
            switch v { case .int(let t), .float(let t): t; default: "?" }
        } == ["12345678901234567890", "1.50", "1e3", "0.1", "-0"])
        #expect(try JSONWriter.string(v) == "{\n    \"a\": 12345678901234567890,\n    \"b\": 1.50,\n    \"c\": 1e3,\n    \"d\": 0.1,\n    \"e\": -0\n}\n")
    }

    @Test func stringsStayStrings() throws {
        #expect(try JSONReader.values(Array(#"["true", "yes", "1.0", "", "\u00e9\ud83d\ude80", "\ud800x", "a\/b"]"#.utf8), source: "t")
            == [["true", "yes", "1.0", "", "é🚀", "\u{FFFD}x", "a/b"]])
    }

    @Test func streamOfValues() throws {
        #expect(try JSONReader.values(Array("{\"a\":1}\n{\"b\":2} [3]".utf8), source: "t") == [["a": 1], ["b": 2], [3]])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "t:1:9: expected a string key, found '}'"),
        ("{\"a\": 1\n \"b\": 2}", "t:2:2: expected ',' or '}' in an object, found '\"'"),
        ("[1, 2", "t:1:6: expected ',' or ']' in an array, found end of input"),
        ("{\"a\": 01}", "t:1:8: expected ',' or '}' in an object, found '1'"),
        ("{\"a\": \"x\ny\"}", "t:1:9: control character in a string must be escaped"),
        ("{\"a\": 1, \"a\": 2}", "t:1:10: duplicate key \"a\" in object"),
        ("{\"a\": tru}", "t:1:7: expected a JSON value, found 't'"),
        ("{\"a\": \"\\q\"}", "t:1:8: invalid escape '\\q' in a string"),
    ])
    func errorsNamePosition(_ text: String, _ message: String) {
        #expect(throws: ReadError.self) { try JSONReader.values(Array(text.utf8), source: "t") }
        do {
            _ = try JSONReader.values(Array(text.utf8), source: "t")
        } catch {
            #expect(error.description == message)
        }
    }
}
