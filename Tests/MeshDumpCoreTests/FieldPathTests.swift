import MeshDumpCore
import Testing

/// The one display path: how it prints, that it reads back what it prints, and its pointer.
struct FieldPathTests {
    @Test(arguments: [
        (FieldPath([.key("metadata"), .key("annotations"), .key("sidecar.istio.io/inject")]), "metadata.annotations[\"sidecar.istio.io/inject\"]"),
        (FieldPath([.key("spec"), .key("http"), .entry(key: "name", identity: "send to bar")]), "spec.http[name=\"send to bar\"]"),
        (FieldPath([.key("spec"), .key("http"), .entry(key: "name", identity: "canary")]), "spec.http[name=canary]"),
        (FieldPath([.key("spec"), .key("servers"), .entry(key: "port.number", identity: "443"), .key("hosts"), .index(0)]),
         "spec.servers[port.number=443].hosts[0]"),
        (FieldPath([.key("spec"), .key("http"), .index(1), .key("route"), .index(0)]), "spec.http[1].route[0]"),
        (FieldPath([.key("spec"), .key("http"), .each, .key("route")]), "spec.http[*].route"),
        (FieldPath([.key("a b"), .index(3)]), "[\"a b\"][3]"),
        (FieldPath([.key("x"), .key("")]), "x[\"\"]"),
        (FieldPath([.key("@type")]), "@type"),
        (FieldPath([.key("*")]), "[\"*\"]"),
        (FieldPath([.key("q\"\\\n\u{1}")]), "[\"q\\\"\\\\\\n\\u0001\"]"),
        (FieldPath(), ""),
    ])
    func printsAndReadsBack(path: FieldPath, text: String) throws {
        #expect(path.description == text)
        if !text.isEmpty { #expect(try FieldPath(parsing: text) == path) }
    }

    @Test func pointerOfKeysAndIndexes() throws {
        #expect(try FieldPath(parsing: "spec.http[1][\"a/b~c\"]").pointer?.description == "/spec/http/1/a~1b~0c")
        #expect(try FieldPath(parsing: "spec.http[name=x].route").pointer == nil)
        #expect(try FieldPath(parsing: "spec.http[*]").pointer == nil)
        #expect(FieldPath().pointer?.description == "")
        #expect(FieldPath([.key("a")]).appending(.index(2)).description == "a[2]")
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("spec..x", "empty key at offset 5"),
        ("spec[", "'[' at offset 4 is not closed"),
        ("spec[abc]", "expected [N], [*], [key=value] or [\"key\"] at offset 4"),
        ("spec[0]x", "expected '.' or '[' at offset 7"),
        ("a[\"b", "unterminated quoted text"),
        ("a[\"b\"x]", "expected ']' after quoted text at offset 5"),
        ("a[=x]", "empty key in [=…] at offset 1"),
        ("a[\"\\u12\"]", "expected four hex digits after \\u at offset 7"),
    ])
    func rejects(text: String, reason: String) {
        #expect(throws: FieldPathError(path: text, reason: reason)) { try FieldPath(parsing: text) }
    }

    @Test func hexDigits() {
        #expect(HexDigit.string(0x1f, width: 4) == "001f")
        #expect(HexDigit.string(UInt8(0xAB), width: 2, uppercase: true) == "AB")
        #expect(HexDigit.string(UInt64.max, width: 16) == "ffffffffffffffff")
        #expect((0...255).compactMap { HexDigit.value(UInt8($0)) }.count == 22)
        #expect(HexDigit.value(UInt8(ascii: "F")) == 15 && HexDigit.value(UInt8(ascii: "g")) == nil)
    }
}
