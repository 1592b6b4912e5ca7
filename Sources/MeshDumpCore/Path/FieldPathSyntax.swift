/// Reads the text of a field path into the tokens it is written with, keeping what a pattern
/// language needs to know (a key written bare or in quotes): `FieldPath(parsing:)` reads paths
/// with it, `--ignore` patterns read their globs with it, so both have one syntax and one
/// quoting rule.
///
/// Keys are joined by dots; `[N]` is a list position, `[*]` every entry, `[key=identity]` an
/// entry by identifying key (`key` may be dotted: `[port.number=80]`), `["key"]` a key with
/// other characters. Quoted text uses JSON escapes (`\"`, `\\`, `\n`, `\u0001`, …).
public enum FieldPathSyntax {
    /// One step as written.
    public enum Token: Sendable, Equatable {
        /// A key written without quotes (anything up to `.` or `[`).
        case bareKey(String)
        /// A key written `["…"]`.
        case quotedKey(String)
        case index(Int)
        /// `[*]`
        case each
        /// `[key=identity]`; `quoted` when the identity was written in quotes.
        case entry(key: String, identity: String, quoted: Bool)
    }

    /// The tokens of `text`; throws for text that is not a path, with the offset (in characters).
    public static func tokens(_ text: String) throws(FieldPathError) -> [Token] {
        var parser = Parser(text)
        return try parser.parse()
    }

    private struct Parser {
        let text: String
        let chars: [Character]
        var i = 0

        init(_ text: String) {
            self.text = text
            chars = Array(text)
        }

        func error(_ reason: String) -> FieldPathError {
            FieldPathError(path: text, reason: reason)
        }

        mutating func parse() throws(FieldPathError) -> [Token] {
            guard !chars.isEmpty else { throw error("it is empty") }
            var tokens: [Token] = []
            var expectKey = true
            while i < chars.count {
                switch chars[i] {
                case "[":
                    tokens.append(try bracket())
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
                    tokens.append(.bareKey(key))
                    expectKey = false
                }
            }
            return tokens
        }

        /// `[N]`, `[*]`, `[key=identity]` or `["key"]`, from the `[`.
        mutating func bracket() throws(FieldPathError) -> Token {
            let start = i
            i += 1
            if i < chars.count, chars[i] == "\"" {
                let key = try quoted()
                try close(start)
                return .quotedKey(key)
            }
            var inner = ""
            while i < chars.count, chars[i] != "]", chars[i] != "=" {
                inner.append(chars[i])
                i += 1
            }
            guard i < chars.count else { throw error("'[' at offset \(start) is not closed") }
            if chars[i] == "]" {
                i += 1
                if inner == "*" { return .each }
                if let n = Int(inner), n >= 0, inner.allSatisfy(\.isASCII) { return .index(n) }
                throw error("expected [N], [*], [key=value] or [\"key\"] at offset \(start)")
            }
            i += 1  // "="
            guard !inner.isEmpty, !inner.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
                throw error("empty key in [\(inner)=…] at offset \(start)")
            }
            if i < chars.count, chars[i] == "\"" {
                let identity = try quoted()
                try close(start)
                return .entry(key: inner, identity: identity, quoted: true)
            }
            var identity = ""
            while i < chars.count, chars[i] != "]" {
                identity.append(chars[i])
                i += 1
            }
            try close(start)
            return .entry(key: inner, identity: identity, quoted: false)
        }

        mutating func close(_ start: Int) throws(FieldPathError) {
            guard i < chars.count else { throw error("'[' at offset \(start) is not closed") }
            guard chars[i] == "]" else { throw error("expected ']' after quoted text at offset \(i)") }
            i += 1
        }

        /// A double-quoted string with JSON escapes, from the opening quote.
        mutating func quoted() throws(FieldPathError) -> String {
            i += 1
            var out = ""
            while i < chars.count, chars[i] != "\"" {
                guard chars[i] == "\\", i + 1 < chars.count else {
                    out.append(chars[i])
                    i += 1
                    continue
                }
                i += 1
                switch chars[i] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "u": out.unicodeScalars.append(try unicodeEscape())
                default: out.append(chars[i])  // \" \\ \/ and anything else stand for themselves
                }
                i += 1
            }
            guard i < chars.count else { throw error("unterminated quoted text") }
            i += 1
            return out
        }

        /// The scalar of `\uXXXX`, with `i` on the `u`; left on the last digit.
        mutating func unicodeEscape() throws(FieldPathError) -> Unicode.Scalar {
            var value: UInt32 = 0
            for _ in 0..<4 {
                i += 1
                guard i < chars.count, let ascii = chars[i].asciiValue, let digit = HexDigit.value(ascii) else {
                    throw error("expected four hex digits after \\u at offset \(i)")
                }
                value = value << 4 | UInt32(digit)
            }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
    }
}

extension FieldPath {
    /// Reads a path written as `description` prints it (a bare key is taken as it is written).
    public init(parsing text: String) throws(FieldPathError) {
        self.init(try FieldPathSyntax.tokens(text).map { token in
            switch token {
            case .bareKey(let key), .quotedKey(let key): .key(key)
            case .index(let i): .index(i)
            case .each: .each
            case .entry(let key, let identity, _): .entry(key: key, identity: identity)
            }
        })
    }
}

/// Text that is not a field path, and why.
public struct FieldPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "invalid field path \"\(path)\": \(reason)" }
}
