/// Writes values as JSON byte-identical to `kubectl get -o json`: four-space indent, keys in
/// byte order, strings escaped as Go's encoding/json escapes them (`<`, `>`, `&`, U+2028 and
/// U+2029 as `\u` escapes), numbers as their text, a newline at the end.
public enum JSONWriter {
    /// Appends one document to `output`.
    public static func write(_ value: Value, to output: inout [UInt8]) throws(JSONWriteError) {
        try write(value, indent: 0, to: &output)
        output.append(0x0A)
    }

    /// Appends one value with no whitespace and no trailing newline, as the API server sends
    /// objects (`compact` false is the same as `write(_:to:)`).
    public static func write(_ value: Value, compact: Bool, to output: inout [UInt8]) throws(JSONWriteError) {
        guard compact else { return try write(value, to: &output) }
        try write(value, indent: -1, to: &output)
    }

    /// Appends `value` as it stands `level` deep in a document (four spaces a level), with no
    /// line break before or after it: for writers that put a document together piece by piece.
    public static func write(_ value: Value, nestedAt level: Int, to output: inout [UInt8]) throws(JSONWriteError) {
        try write(value, indent: level, to: &output)
    }

    /// One document as a string.
    public static func string(_ value: Value) throws(JSONWriteError) -> String {
        var bytes: [UInt8] = []
        try write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A line break and indent; nothing when compact (`indent` is negative).
    private static func newline(_ indent: Int, _ output: inout [UInt8]) {
        guard indent >= 0 else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * 4))
    }

    private static func write(_ value: Value, indent: Int, to output: inout [UInt8]) throws(JSONWriteError) {
        let inner = indent < 0 ? indent : indent + 1
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let b): output.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let t): output.append(contentsOf: t.utf8)
        case .float(let t):
            guard NumberText.isJSONNumber(t) else { throw JSONWriteError(number: t) }
            output.append(contentsOf: t.utf8)
        case .string(let s): writeString(s, to: &output)
        case .sequence(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(inner, &output)
                try write(item, indent: inner, to: &output)
            }
            newline(indent, &output)
            output.append(UInt8(ascii: "]"))
        case .mapping(let map):
            guard !map.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (i, entry) in map.sortedByKey({ $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(inner, &output)
                writeString(entry.key, to: &output)
                output.append(contentsOf: (indent < 0 ? ":" : ": ").utf8)
                try write(entry.value, indent: inner, to: &output)
            }
            newline(indent, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `s` as a JSON string: Go's encoding/json string encoding with HTML escaping on.
    public static func writeString(_ s: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            func flush() {
                if runStart < i { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            }
            while i < bytes.count {
                let c = bytes[i]
                let escape: String?
                var width = 1
                switch c {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    escape = "\\u00" + HexDigit.string(c, width: 2)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    escape = nil
                }
                if let escape {
                    flush()
                    output.append(contentsOf: escape.utf8)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush()
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// A value JSON cannot hold (`.inf`, `.nan` read from YAML).
public struct JSONWriteError: Error, Sendable, CustomStringConvertible {
    public var number: String
    public var description: String { "cannot write \(number) as JSON: JSON has no infinities or NaN" }
}
