/// An RFC 6901 JSON Pointer (`/spec/http/0/route`): a path of reference tokens into a value.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens.
    public var tokens: [String]

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses a pointer; it must be empty (the whole document) or start with `/`, and `~` may only
    /// appear as `~0` or `~1`.
    public init(parsing text: String) throws(JSONPointerError) {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { throw JSONPointerError(pointer: text, reason: "must start with \"/\"") }
        tokens = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var it = raw.makeIterator()
            while let c = it.next() {
                guard c == "~" else {
                    token.append(c)
                    continue
                }
                switch it.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: throw JSONPointerError(pointer: text, reason: "\"~\" must be followed by 0 or 1")
                }
            }
            tokens.append(token)
        }
    }

    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        var out = ""
        for c in token {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }

    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// The pointer without its last token, or nil for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }
}

/// A JSON Pointer that does not parse.
public struct JSONPointerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pointer: String
    public var reason: String
    public var description: String { "invalid JSON Pointer \"\(pointer)\": \(reason)" }
}
