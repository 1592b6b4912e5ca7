import MeshDumpCore

/// A node of a rules file under validation: its value, where it is, and how to say so.
///
/// Every accessor checks the node's type and throws a `RulesFileError` at the node's line and
/// column naming the field (`rules[0].match.kinds[1]`), so the parser reads like the format.
struct RulesNode {
    /// The document the node belongs to, with its positions.
    final class Context {
        let source: String
        let documentMark: Mark
        let positions: [String: Mark]
        let keyPositions: [String: Mark]

        init(source: String, document: Document) {
            self.source = source
            documentMark = document.mark
            positions = document.positions ?? [:]
            keyPositions = document.keyPositions ?? [:]
        }
    }

    let value: Value
    /// The field as people write it: `rules[0].match.kinds[1]`; empty for the document.
    let path: FieldPath
    let context: Context

    /// The node's JSON Pointer, the key of its positions.
    private var pointer: String { path.pointer?.description ?? "" }

    var mark: Mark { context.positions[pointer] ?? context.documentMark }
    var keyMark: Mark { context.keyPositions[pointer] ?? mark }

    var origin: Origin { Origin(source: context.source, document: 0, mark: mark) }
    /// Where the node's key is, for mapping entries.
    var keyOrigin: Origin { Origin(source: context.source, document: 0, mark: keyMark) }

    /// An error at this node: `file:line:col: path: message`.
    func error(_ message: String) -> RulesFileError {
        RulesFileError(source: context.source, mark: mark, message: path.isEmpty ? message : "\(path): \(message)")
    }

    /// An error at this node's key (for mapping entries).
    func keyError(_ message: String) -> RulesFileError {
        RulesFileError(source: context.source, mark: keyMark, message: message)
    }

    func child(_ key: String) -> RulesNode? {
        guard let v = value[key] else { return nil }
        return RulesNode(value: v, path: path.appending(.key(key)), context: context)
    }

    /// The entries of a mapping, in order; keys outside `allowed` are errors (with a suggestion).
    func entries(allowed: [String]? = nil, what: String = "a mapping") throws(RulesFileError) -> [(key: String, node: RulesNode)] {
        guard case .mapping(let m) = value else { throw error("must be \(what), not \(value.typeNameWithArticle)") }
        var out: [(String, RulesNode)] = []
        for key in m.keys {
            let node = child(key)!
            if let allowed, !allowed.contains(key) {
                var message = "unknown key \"\(key)\"" + (path.isEmpty ? "" : " in \(path)")
                if let near = Suggestion.nearest(to: key, in: allowed) { message += "; did you mean \"\(near)\"?" }
                else { message += "; expected one of: \(allowed.joined(separator: ", "))" }
                throw node.keyError(message)
            }
            out.append((key, node))
        }
        return out
    }

    func items(what: String = "a list") throws(RulesFileError) -> [RulesNode] {
        guard case .sequence(let s) = value else { throw error("must be \(what), not \(value.typeNameWithArticle)") }
        return s.indices.map { i in
            RulesNode(value: s[i], path: path.appending(.index(i)), context: context)
        }
    }

    func string(what: String = "a string") throws(RulesFileError) -> String {
        guard case .string(let s) = value else {
            throw error("must be \(what), not \(value.typeNameWithArticle)" + (value.isScalar ? " (quote it to make it a string)" : ""))
        }
        return s
    }

    func bool() throws(RulesFileError) -> Bool {
        guard case .bool(let b) = value else { throw error("must be true or false, not \(value.typeNameWithArticle)") }
        return b
    }

    /// A list of strings (`[a, b]`).
    func strings(what: String) throws(RulesFileError) -> [(String, RulesNode)] {
        var out: [(String, RulesNode)] = []
        for item in try items(what: "a list of \(what)") {
            out.append((try item.string(what: what), item))
        }
        return out
    }

    /// A mapping of strings to strings (`{app: web}`).
    func stringMap(what: String) throws(RulesFileError) -> [(key: String, value: String, node: RulesNode)] {
        var out: [(String, String, RulesNode)] = []
        for (key, node) in try entries(what: "a mapping of \(what)") {
            out.append((key, try node.string(what: "a string"), node))
        }
        return out
    }
}

extension Value {
    var isScalar: Bool {
        switch self {
        case .sequence, .mapping: false
        default: true
        }
    }
}

/// "Did you mean …?" for misspelt keys: the allowed word within two edits, if one is.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        candidates
            .map { ($0, distance(Array(word.lowercased().utf8), Array($0.lowercased().utf8))) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
