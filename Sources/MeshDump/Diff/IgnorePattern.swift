import MeshDumpCore

/// A `--ignore` path: fields it matches are left out of both objects before they are compared.
///
/// The syntax is the one diff prints: keys joined by dots, `[N]` for a list position,
/// `[key=value]` for the entry of a list whose `key` (`name`, `port.number`, …) has that value,
/// `["a.b"]` for a key with dots or other special characters. `*` matches any run of characters
/// in a key or an identity (`metadata.labels.app*`); a `*` step or `[*]` matches any one key or
/// any list entry (`metadata.annotations.*`, `spec.http[*].timeout`). A key with dots may also
/// be written plainly (`metadata.annotations.sidecar.istio.io/inject`): dotted steps are tried
/// together against one key.
public struct IgnorePattern: Sendable, Equatable, CustomStringConvertible {
    /// One step of a pattern.
    enum Step: Sendable, Equatable {
        /// A key written bare: may hold `*` and may join the following bare keys with dots.
        case key(String)
        /// A key written in quotes: matches exactly that key.
        case quotedKey(String)
        /// `*` alone: any key or any list entry.
        case any
        /// `[N]`
        case index(Int)
        /// `[*]`
        case anyEntry
        /// `[key=value]`, the value a glob.
        case entry(key: [String], value: String)
    }

    public let description: String
    let steps: [Step]

    public init(parsing text: String) throws(IgnorePatternError) {
        description = text
        var parser = IgnorePatternParser(text)
        steps = try parser.parse()
    }
}

/// An `--ignore` pattern that does not parse.
public struct IgnorePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    public var description: String { "invalid --ignore pattern \"\(pattern)\": \(reason)" }
}

/// Reads the text of a pattern into steps.
private struct IgnorePatternParser {
    let text: String
    let chars: [Character]
    var i = 0

    init(_ text: String) {
        self.text = text
        chars = Array(text)
    }

    func error(_ reason: String) -> IgnorePatternError {
        IgnorePatternError(pattern: text, reason: reason)
    }

    mutating func parse() throws(IgnorePatternError) -> [IgnorePattern.Step] {
        guard !chars.isEmpty else { throw error("it is empty") }
        var steps: [IgnorePattern.Step] = []
        var expectKey = true
        while i < chars.count {
            switch chars[i] {
            case "[":
                steps.append(try bracket())
                expectKey = false
            case ".":
                guard !expectKey, i + 1 < chars.count else { throw error("empty key at offset \(i)") }
                i += 1
                expectKey = true
            default:
                guard expectKey else { throw error("expected '.' or '[' at offset \(i)") }
                var key = ""
                while i < chars.count, chars[i] != ".", chars[i] != "[" {
                    guard chars[i] != "]" else { throw error("unexpected ']' at offset \(i)") }
                    key.append(chars[i])
                    i += 1
                }
                steps.append(key == "*" ? .any : .key(key))
                expectKey = false
            }
        }
        return steps
    }

    /// `[N]`, `[*]`, `[key=value]` or `["key"]`, from the `[`.
    mutating func bracket() throws(IgnorePatternError) -> IgnorePattern.Step {
        let start = i
        i += 1
        if i < chars.count, chars[i] == "\"" {
            let key = try quoted()
            guard i < chars.count, chars[i] == "]" else { throw error("expected ']' after a quoted key at offset \(i)") }
            i += 1
            return .quotedKey(key)
        }
        var inner = ""
        while i < chars.count, chars[i] != "]" {
            inner.append(chars[i])
            i += 1
        }
        guard i < chars.count else { throw error("'[' at offset \(start) is not closed") }
        i += 1
        if inner == "*" { return .anyEntry }
        if let n = Int(inner), n >= 0 { return .index(n) }
        guard let eq = inner.firstIndex(of: "=") else {
            throw error("expected [N], [*], [key=value] or [\"key\"] at offset \(start)")
        }
        let key = inner[..<eq].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var value = String(inner[inner.index(after: eq)...])
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        guard !key.contains(where: \.isEmpty) else { throw error("empty key in [\(inner)]") }
        return .entry(key: key, value: value)
    }

    /// A double-quoted string with `\"` and `\\` escapes, from the opening quote.
    mutating func quoted() throws(IgnorePatternError) -> String {
        i += 1
        var out = ""
        while i < chars.count, chars[i] != "\"" {
            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
            out.append(chars[i])
            i += 1
        }
        guard i < chars.count else { throw error("unterminated quoted key") }
        i += 1
        return out
    }
}
