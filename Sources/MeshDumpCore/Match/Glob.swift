/// A shell-style pattern for names: `*` any run of characters, `?` one character, `[a-z]` and
/// `[!0-9]` one character of (or not of) a set, `\` takes the next character literally.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case literal(UInt8)
        case any
        case anyRun
        case set([ClosedRange<UInt8>], negated: Bool)
    }

    public let pattern: String
    let tokens: [Token]

    /// Compiles `pattern`; throws a message saying what is wrong with it.
    public init(_ pattern: String) throws(GlobError) {
        self.pattern = pattern
        guard !pattern.isEmpty else { throw GlobError(pattern: pattern, reason: "it is empty") }
        let b = Array(pattern.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "*"):
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                i += 1
            case UInt8(ascii: "?"):
                tokens.append(.any)
                i += 1
            case UInt8(ascii: "\\"):
                guard i + 1 < b.count else { throw GlobError(pattern: pattern, reason: "it ends with \"\\\"") }
                tokens.append(.literal(b[i + 1]))
                i += 2
            case UInt8(ascii: "["):
                var j = i + 1
                var negated = false
                if j < b.count, b[j] == UInt8(ascii: "!") || b[j] == UInt8(ascii: "^") {
                    negated = true
                    j += 1
                }
                var ranges: [ClosedRange<UInt8>] = []
                while j < b.count, b[j] != UInt8(ascii: "]") {
                    if j + 2 < b.count, b[j + 1] == UInt8(ascii: "-"), b[j + 2] != UInt8(ascii: "]") {
                        guard b[j] <= b[j + 2] else {
                            throw GlobError(pattern: pattern, reason: "the range \"\(Character(Unicode.Scalar(b[j])))-\(Character(Unicode.Scalar(b[j + 2])))\" is backwards")
                        }
                        ranges.append(b[j]...b[j + 2])
                        j += 3
                    } else {
                        ranges.append(b[j]...b[j])
                        j += 1
                    }
                }
                guard j < b.count else { throw GlobError(pattern: pattern, reason: "\"[\" is not closed by \"]\"") }
                guard !ranges.isEmpty else { throw GlobError(pattern: pattern, reason: "\"[]\" matches nothing") }
                tokens.append(.set(ranges, negated: negated))
                i = j + 1
            case UInt8(ascii: "]"):
                throw GlobError(pattern: pattern, reason: "\"]\" has no \"[\" before it")
            default:
                tokens.append(.literal(b[i]))
                i += 1
            }
        }
        self.tokens = tokens
    }

    /// Whether the pattern has wildcards (otherwise it matches only itself).
    public var isLiteral: Bool {
        tokens.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The literal characters of the pattern, to check they can occur in a name.
    public var literals: [UInt8] {
        tokens.compactMap { if case .literal(let c) = $0 { c } else { nil } }
    }

    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Self.match(tokens[...], $0[...]) }
    }

    private static func match(_ p: ArraySlice<Token>, _ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var p = p
        var s = s
        while let token = p.first {
            switch token {
            case .anyRun:
                let rest = p.dropFirst()
                if rest.isEmpty { return true }
                var start = s.startIndex
                while start <= s.endIndex {
                    if match(rest, s[start...]) { return true }
                    start += 1
                }
                return false
            case .any:
                guard !s.isEmpty else { return false }
            case .literal(let c):
                guard s.first == c else { return false }
            case .set(let ranges, let negated):
                guard let c = s.first, ranges.contains(where: { $0.contains(c) }) != negated else { return false }
            }
            p = p.dropFirst()
            s = s.dropFirst()
        }
        return s.isEmpty
    }

    public var description: String { pattern }
}

/// A pattern that does not compile.
public struct GlobError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    public var description: String { "invalid glob \"\(pattern)\": \(reason)" }
}
