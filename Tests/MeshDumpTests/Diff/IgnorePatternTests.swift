import MeshDumpCore
import Testing
@testable import MeshDump

/// `--ignore` patterns: their syntax, and what they remove.
struct IgnorePatternTests {
    @Test(arguments: [
        ("metadata.annotations.*", [IgnorePattern.Step.key("metadata"), .key("annotations"), .any]),
        ("spec.http[*].timeout", [.key("spec"), .key("http"), .anyEntry, .key("timeout")]),
        ("spec.http[name=primary].route[1].weight", [.key("spec"), .key("http"), .entry(key: ["name"], value: "primary"),
                                                      .key("route"), .index(1), .key("weight")]),
        ("spec.servers[port.number=443]", [.key("spec"), .key("servers"), .entry(key: ["port", "number"], value: "443")]),
        ("metadata.annotations[\"sidecar.istio.io/inject\"]", [.key("metadata"), .key("annotations"), .quotedKey("sidecar.istio.io/inject")]),
        ("spec.http[name=\"send to bar\"]", [.key("spec"), .key("http"), .entry(key: ["name"], value: "send to bar")]),
        ("metadata.labels.app*", [.key("metadata"), .key("labels"), .key("app*")]),
    ])
    func parses(text: String, steps: [IgnorePattern.Step]) throws {
        #expect(try IgnorePattern(parsing: text).steps == steps)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("spec..x", "empty key at offset 5"),
        ("spec.", "empty key at offset 4"),
        ("spec[", "'[' at offset 4 is not closed"),
        ("spec[abc]", "expected [N], [*], [key=value] or [\"key\"] at offset 4"),
        ("spec[0]x", "expected '.' or '[' at offset 7"),
        ("a]", "unexpected ']' at offset 1"),
        ("a[\"b", "unterminated quoted text"),
    ])
    func rejects(text: String, reason: String) {
        #expect(throws: IgnorePatternError(pattern: text, reason: reason)) { try IgnorePattern(parsing: text) }
    }

    static func prune(_ value: Value, _ patterns: String...) throws -> Value {
        IgnoreSet(try patterns.map { try IgnorePattern(parsing: $0) }).apply(to: value)
    }

    static let object: Value = [
        "metadata": ["name": "r", "annotations": ["sidecar.istio.io/inject": "false", "note": "x"], "labels": ["app": "r", "application": "y", "team": "t"]],
        "spec": ["http": [["name": "primary", "timeout": "5s", "route": [["weight": 90], ["weight": 10]]],
                          ["name": "canary", "timeout": "1s"]]],
    ]

    @Test func wildcardsAndEntries() throws {
        let pruned = try Self.prune(Self.object, "metadata.annotations.*", "spec.http[*].timeout", "spec.http[name=primary].route[1].weight", "metadata.labels.app*")
        #expect(pruned == [
            "metadata": ["name": "r", "labels": ["team": "t"]],
            "spec": ["http": [["name": "primary", "route": [["weight": 90]]], ["name": "canary"]]],
        ])
    }

    @Test func keysWithDotsPlainOrQuoted() throws {
        let plain = try Self.prune(Self.object, "metadata.annotations.sidecar.istio.io/inject")
        let quoted = try Self.prune(Self.object, "metadata.annotations[\"sidecar.istio.io/inject\"]")
        #expect(plain == quoted)
        #expect(plain[path: ["metadata", "annotations"]] == ["note": "x"])
    }

    @Test func positionsAndStarStep() throws {
        let pruned = try Self.prune(Self.object, "spec.http[1]", "spec.*.*.route")
        #expect(pruned[path: ["spec", "http"]] == [["name": "primary", "timeout": "5s"]])
    }

    /// A mapping emptied by the patterns goes too, so "no annotations" equals "only ignored ones";
    /// an empty mapping that was already empty stays (it can mean something).
    @Test func emptiedContainersGoEmptyOnesStay() throws {
        let without: Value = ["metadata": ["name": "r"]]
        let with: Value = ["metadata": ["name": "r", "annotations": ["a": "1"]]]
        let empty: Value = ["metadata": ["name": "r", "annotations": [:]]]
        #expect(try Self.prune(with, "metadata.annotations.*") == without)
        #expect(try Self.prune(empty, "metadata.annotations.*") == empty)
    }

    @Test(arguments: [
        ("*", "anything", true), ("app*", "application", true), ("app*", "ap", false), ("*-v1", "reviews-v1", true),
        ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("exact", "exact", true), ("exact", "exact2", false),
    ])
    func globs(pattern: String, text: String, matches: Bool) {
        #expect(IgnoreWildcard.matches(pattern, text) == matches)
    }
}
