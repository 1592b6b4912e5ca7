import Testing
@testable import MeshDumpCore

/// YAML reading: kubectl's scalar rules, anchors, merges, and errors that say where.
struct YAMLReaderTests {
    func read(_ text: String) throws -> [Value] {
        let reader = YAMLReader(bytes: Array(text.utf8), source: "test.yaml")
        var values: [Value] = []
        while let d = try reader.next() {
            if !d.isEmpty { values.append(d.value) }
        }
        return values
    }

    func error(_ text: String) -> ReadError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? ReadError
        }
    }

    @Test func multiDocumentStream() throws {
        #expect(try read("a: 1\n---\n---\n# only a comment\n---\nb: [x, 'y']\n") == [["a": 1], ["b": ["x", "y"]]])
    }

    @Test func scalarsResolveAsKubectlDoes() throws {
        let v = try read("a: yes\nb: 'yes'\nc: 0755\nd: 1.50\ne: 12345678901234567890\nf: ~\ng: !!str 12\nh: \"true\"\ni: 2024-01-01\n")[0]
        #expect(v == ["a": true, "b": "yes", "c": .int("493"), "d": .float("1.50"), "e": .int("12345678901234567890"),
                      "f": nil, "g": "12", "h": "true", "i": "2024-01-01"])
        #expect(v["d"] == .float("1.50"))
        if case .float(let text)? = v["d"] { #expect(text == "1.50") }
    }

    @Test func keysBecomeStrings() throws {
        #expect(try read("8080: a\nyes: b\n1.5: c\n~: d\n")[0] == ["8080": "a", "true": "b", "1.5": "c", "null": "d"])
    }

    @Test func anchorsAndMergeKeys() throws {
        let v = try read("""
            base: &b {x: 1, w: 2}
            other: &o {w: 3, z: 4}
            one:
              <<: *b
              x: 9
            many:
              <<: [*b, *o]
            list: [*b, *b]
            """)[0]
        #expect(v["one"] == ["x": 9, "w": 2])
        #expect(v["many"] == ["x": 1, "w": 2, "z": 4])
        #expect(v["list"] == [["x": 1, "w": 2], ["x": 1, "w": 2]])
    }

    @Test func blockAndFlowStylesAndComments() throws {
        let v = try read("""
            # comment
            a: |
              line 1
              line 2
            b: >-
              folded
              text
            c: {d: [1, 2], e: "x"}  # trailing
            """)[0]
        #expect(v == ["a": "line 1\nline 2\n", "b": "folded text", "c": ["d": [1, 2], "e": "x"]])
    }

    @Test func positionsAreRecordedWhenAsked() throws {
        let reader = YAMLReader(bytes: Array("a:\n  b:\n    - x\n    - z: 1\n".utf8), source: "t", positionDepth: .max)
        let doc = try #require(try reader.next())
        #expect(doc.positions?["/a/b/1/z"] == Mark(line: 4, column: 10))
        #expect(doc.positions?["/a/b/0"] == Mark(line: 3, column: 7))
    }

    @Test(arguments: [
        ("a: 1\na: 2\n", "test.yaml:2:1: duplicate key \"a\" in mapping"),
        ("a: [1, 2\n", "test.yaml:2:1: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"),
        ("a:\n  b: 1\n c: 2\n", "test.yaml:3:2: did not find expected key (while parsing a block mapping at line 1, column 1)"),
        ("a: *nope\n", "test.yaml:1:4: unknown anchor 'nope' referenced"),
        ("? [a]\n: 1\n", "test.yaml:1:3: a list cannot be a mapping key; Kubernetes objects need string keys"),
        ("a: !!int x\n", "test.yaml:1:4: \"x\" is tagged !!int but is not an integer"),
        ("a: {<<: 1}\n", "test.yaml:1:9: a merge key (<<) takes a mapping or a list of mappings, not a integer"),
        ("a:\tb\n\tc: d\n", "test.yaml:2:1: found a tab character that violates indentation (while scanning a plain scalar at line 1, column 4)"),
    ])
    func errorsNamePosition(_ text: String, _ message: String) {
        #expect(error(text)?.description == message)
    }

    @Test func aliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(error(text)?.message.contains("aliases expand to more than") == true)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        #expect(error(text)?.message.contains("nesting deeper") == true)
    }
}
