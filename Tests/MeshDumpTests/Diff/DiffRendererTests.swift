import MeshDumpCore
import Testing
@testable import MeshDump

/// The renderers on the cases the Istio golden does not reach.
struct DiffRendererTests {
    static func result(_ old: Value, _ new: Value) throws -> DiffResult {
        let base: Value = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "namespace": "ns"]]
        var a = base, b = base
        a["data"] = old
        b["data"] = new
        return try ObjectDiffer().compare(old: [DiffTestSupport.object(a)], new: [DiffTestSupport.object(b, path: "new.yaml")])
    }

    static func text(_ old: Value, _ new: Value) throws -> String {
        String(decoding: try DiffFormat.text.render(try result(old, new)), as: UTF8.self)
    }

    @Test func onlyAFinalLineBreakDiffers() throws {
        #expect(try Self.text(["s": "a\nb\n"], ["s": "a\nb"]) == """
            ~ ConfigMap ns/c
              ~ data.s: "a\\nb\\n" → "a\\nb"
            1 changed, 0 added, 0 removed, 0 unchanged

            """)
    }

    @Test func typeChangeOfAContainerIsALineDiff() throws {
        #expect(try Self.text(["tls": ["mode": "SIMPLE", "sni": "x"]], ["tls": "SIMPLE"]) == """
            ~ ConfigMap ns/c
              ~ data.tls:
                  @@ -1,2 +1 @@
                  -mode: SIMPLE
                  -sni: x
                  +SIMPLE
            1 changed, 0 added, 0 removed, 0 unchanged

            """)
    }

    @Test func scalarsThatNeedQuotesAndEmptyContainers() throws {
        #expect(try Self.text(["a": "yes", "b": "", "c": [:], "d": " x", "e": "1.0", "f": .null],
                              ["a": true, "b": "plain", "c": [], "d": "x", "e": .float("1.0"), "f": "null"]) == """
            ~ ConfigMap ns/c
              ~ data.a: "yes" → true
              ~ data.b: "" → plain
              ~ data.c: {} → []
              ~ data.d: " x" → x
              ~ data.e: "1.0" → 1.0
              ~ data.f: null → "null"
            1 changed, 0 added, 0 removed, 0 unchanged

            """)
    }

    @Test func reorderAndAddedMultiLineString() throws {
        let old: Value = ["http": [["name": "a"], ["name": "b"]]]
        let new: Value = ["http": [["name": "b"], ["name": "a"]], "lua": "line 1\nline 2\n"]
        #expect(try Self.text(old, new) == """
            ~ ConfigMap ns/c
              ~ data.http: order a, b → b, a
              + data.lua:
                  line 1
                  line 2
            1 changed, 0 added, 0 removed, 0 unchanged

            """)
        let json = String(decoding: try DiffFormat.json.render(try Self.result(old, new)), as: UTF8.self)
        #expect(json == """
            {
                "objects": [
                    {
                        "changes": [
                            {
                                "new": [
                                    "b",
                                    "a"
                                ],
                                "newPointer": "/data/http",
                                "old": [
                                    "a",
                                    "b"
                                ],
                                "oldPointer": "/data/http",
                                "op": "reordered",
                                "path": "data.http"
                            },
                            {
                                "new": "line 1\\nline 2\\n",
                                "newPointer": "/data/lua",
                                "op": "added",
                                "path": "data.lua"
                            }
                        ],
                        "group": "",
                        "kind": "ConfigMap",
                        "name": "c",
                        "namespace": "ns",
                        "newSource": "new.yaml:1:1",
                        "oldSource": "test.yaml:1:1",
                        "status": "changed"
                    }
                ],
                "summary": {
                    "added": 0,
                    "changed": 1,
                    "removed": 0,
                    "renamed": 0,
                    "unchanged": 0
                }
            }

            """)
    }

    /// JSON has no infinities: they are written as the strings YAML had.
    @Test func jsonWritesNonFiniteNumbersAsStrings() throws {
        let json = String(decoding: try DiffFormat.json.render(try Self.result(["x": .float("1.5")], ["x": .float(".inf")])), as: UTF8.self)
        #expect(json.contains(#""new": ".inf","#))
        #expect(json.contains(#""old": 1.5,"#))
    }

    /// Issue 11: a name with a line break became a raw file name and broke the unified diff's
    /// headers; they name the file the tree holds (`two%0Alines.yaml`), one line each.
    @Test func unifiedHeadersNameTheTreesFileOfAnOddName() throws {
        let old: Value = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "two\nlines", "namespace": "ns"], "data": ["a": "1"]]
        var new = old
        new["data"] = ["a": "2"]
        let result = try ObjectDiffer().compare(old: [DiffTestSupport.object(old)], new: [DiffTestSupport.object(new, path: "new.yaml")])
        let unified = String(decoding: try DiffFormat.unified.render(result), as: UTF8.self)
        let headers = unified.split(separator: "\n").filter { $0.hasPrefix("diff ") || $0.hasPrefix("--- ") || $0.hasPrefix("+++ ") }
        #expect(headers == ["diff --git a/ns/configmaps/two%0Alines.yaml b/ns/configmaps/two%0Alines.yaml",
                            "--- a/ns/configmaps/two%0Alines.yaml", "+++ b/ns/configmaps/two%0Alines.yaml"])
    }

    @Test func equalSidesPrintOnlyTheSummary() throws {
        let result = try ObjectDiffer().compare(old: [], new: [])
        #expect(String(decoding: try DiffFormat.text.render(result), as: UTF8.self) == "0 changed, 0 added, 0 removed, 0 unchanged\n")
        #expect(String(decoding: try DiffFormat.stat.render(result), as: UTF8.self) == "0 changed, 0 added, 0 removed, 0 unchanged\n")
        #expect(try DiffFormat.unified.render(result).isEmpty)
        #expect(String(decoding: try DiffFormat.json.render(result), as: UTF8.self) == """
            {
                "objects": [],
                "summary": {
                    "added": 0,
                    "changed": 0,
                    "removed": 0,
                    "renamed": 0,
                    "unchanged": 0
                }
            }

            """)
    }
}
