import MeshDumpCore

/// How values are shown in `text` output: scalars and empty containers on the line of their
/// path, strings quoted when YAML would read them as something else (`"1.0"`, `"true"`, `""`)
/// so a type change is visible; larger values as YAML lines, multi-line strings as their lines.
enum ValueText {
    /// The value on one line, or nil when it takes a block.
    static func inline(_ value: Value) -> String? {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let t), .float(let t): t
        case .string(let s): s.contains("\n") ? nil : (needsQuotes(s) ? FieldPath.quoted(s) : s)
        case .sequence(let items): items.isEmpty ? "[]" : nil
        case .mapping(let map): map.isEmpty ? "{}" : nil
        }
    }

    /// The lines of a value that takes a block: a string's own lines, or the value as YAML.
    static func block(_ value: Value) throws -> [Substring] {
        if case .string(let s) = value { return LineDiff.lines(Substring(s)) }
        return LineDiff.lines(Substring(try YAMLWriter.string(value)))
    }

    /// Whether a string must be quoted to read as the same string on one line: when YAML would
    /// take it as another type, or it has surrounding spaces, YAML indicators or ` → `.
    static func needsQuotes(_ s: String) -> Bool {
        guard PlainScalar.isPlainString(s), let first = s.utf8.first, let last = s.utf8.last else { return true }
        if first == 0x20 || last == 0x20 || "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) { return true }
        return s.contains(": ") || s.contains(" #") || s.contains(" → ") || s.utf8.contains(where: { $0 < 0x20 })
    }
}
