import MeshDumpCore

/// A `--ignore` path: fields it matches are left out of both objects before they are compared.
///
/// The syntax is the one diff prints (`FieldPath`'s): keys joined by dots, `[N]` for a list
/// position, `[key=value]` for the entry of a list whose `key` (`name`, `port.number`, …) has
/// that value, `["a.b"]` for a key with dots or other special characters. `*` matches any run
/// of characters in a key or an identity (`metadata.labels.app*`); a `*` step or `[*]` matches
/// any one key or any list entry (`metadata.annotations.*`, `spec.http[*].timeout`). A key
/// with dots may also be written plainly (`metadata.annotations.sidecar.istio.io/inject`):
/// dotted steps are tried together against one key.
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
        let tokens: [FieldPathSyntax.Token]
        do {
            tokens = try FieldPathSyntax.tokens(text)
        } catch {
            throw IgnorePatternError(pattern: text, reason: error.reason)
        }
        steps = tokens.map { token in
            switch token {
            case .bareKey("*"): .any
            case .bareKey(let key): .key(key)
            case .quotedKey(let key): .quotedKey(key)
            case .index(let n): .index(n)
            case .each: .anyEntry
            case .entry(let key, let identity, _): .entry(key: key.split(separator: ".").map(String.init), value: identity)
            }
        }
    }
}

/// An `--ignore` pattern that does not parse.
public struct IgnorePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    public var description: String { "invalid --ignore pattern \"\(pattern)\": \(reason)" }
}
