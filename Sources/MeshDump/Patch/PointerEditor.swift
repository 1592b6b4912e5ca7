import MeshDumpCore

/// Reads and edits a value at a JSON Pointer, in place, the way RFC 6902 needs: the parent of a
/// target must exist, array indexes are decimal without leading zeros, `-` is the end of an array
/// (only where a value is added).
enum PointerEditor {
    typealias Reason = JSONPatchError.Reason

    /// The value at `pointer`.
    static func value(at pointer: JSONPointer, in document: Value) throws(Reason) -> Value {
        var node = document
        for token in pointer.tokens {
            switch node {
            case .mapping(let m):
                guard let child = m[token] else { throw .notFound(pointer) }
                node = child
            case .sequence(let s):
                guard let i = index(token), i < s.count else { throw .notFound(pointer) }
                node = s[i]
            default:
                throw .notFound(pointer)
            }
        }
        return node
    }

    /// Adds `value` at `pointer`: sets a mapping member (replacing it if present) or inserts into
    /// an array (at an index up to its length, or `-` to append). The root is replaced.
    static func add(_ value: Value, at pointer: JSONPointer, in document: inout Value) throws(Reason) {
        guard let last = pointer.tokens.last else {
            document = value
            return
        }
        try withParent(of: pointer, in: &document) { (parent: inout Value) throws(Reason) in
            switch parent {
            case .mapping(var m):
                parent = .null
                m[last] = value
                parent = .mapping(m)
            case .sequence(var s):
                let i: Int
                if last == "-" {
                    i = s.count
                } else {
                    guard let n = index(last) else { throw .unreachable(pointer, "\"\(last)\" is not an array index") }
                    guard n <= s.count else { throw .unreachable(pointer, "index \(n) is past the end of an array of \(s.count)") }
                    i = n
                }
                parent = .null
                s.insert(value, at: i)
                parent = .sequence(s)
            default:
                throw .unreachable(pointer, "its parent is \(parent.typeNameWithArticle)")
            }
        }
    }

    /// Removes the value at `pointer` and returns it.
    static func remove(at pointer: JSONPointer, in document: inout Value) throws(Reason) -> Value {
        guard let last = pointer.tokens.last else {
            throw .invalid("cannot remove the document root")
        }
        return try withParent(of: pointer, in: &document) { (parent: inout Value) throws(Reason) -> Value in
            switch parent {
            case .mapping(var m):
                guard m.index(forKey: last) != nil else { throw .notFound(pointer) }
                parent = .null
                let removed = m.removeValue(forKey: last)!
                parent = .mapping(m)
                return removed
            case .sequence(var s):
                guard let i = index(last), i < s.count else { throw .notFound(pointer) }
                parent = .null
                let removed = s.remove(at: i)
                parent = .sequence(s)
                return removed
            default:
                throw .notFound(pointer)
            }
        }
    }

    /// Replaces the existing value at `pointer`.
    static func replace(at pointer: JSONPointer, with value: Value, in document: inout Value) throws(Reason) {
        guard let last = pointer.tokens.last else {
            document = value
            return
        }
        try withParent(of: pointer, in: &document) { (parent: inout Value) throws(Reason) in
            switch parent {
            case .mapping(var m):
                guard let i = m.index(forKey: last) else { throw .notFound(pointer) }
                parent = .null
                m.setValue(value, at: i)
                parent = .mapping(m)
            case .sequence(var s):
                guard let i = index(last), i < s.count else { throw .notFound(pointer) }
                parent = .null
                s[i] = value
                parent = .sequence(s)
            default:
                throw .notFound(pointer)
            }
        }
    }

    /// Calls `body` with the parent of `pointer`'s target, edited in place (no copies of the
    /// path when the document is uniquely owned). Throws when the parent does not exist.
    private static func withParent<R>(
        of pointer: JSONPointer, in document: inout Value, _ body: (inout Value) throws(Reason) -> R
    ) throws(Reason) -> R {
        try descend(pointer.tokens.dropLast(), pointer, &document, body)
    }

    private static func descend<R>(
        _ tokens: ArraySlice<String>, _ pointer: JSONPointer, _ node: inout Value, _ body: (inout Value) throws(Reason) -> R
    ) throws(Reason) -> R {
        guard let token = tokens.first else { return try body(&node) }
        let rest = tokens.dropFirst()
        switch node {
        case .mapping(var m):
            guard let i = m.index(forKey: token) else { throw missing(pointer, tokens) }
            node = .null
            var child = m.values[i]
            m.setValue(.null, at: i)
            defer {
                m.setValue(child, at: i)
                node = .mapping(m)
            }
            return try descend(rest, pointer, &child, body)
        case .sequence(var s):
            guard let i = index(token), i < s.count else { throw missing(pointer, tokens) }
            node = .null
            var child = s[i]
            s[i] = .null
            defer {
                s[i] = child
                node = .sequence(s)
            }
            return try descend(rest, pointer, &child, body)
        default:
            throw .unreachable(pointer, "\(node.typeNameWithArticle) has no members")
        }
    }

    /// The part of `pointer` up to the token that was not found (`tokens` are those not yet
    /// consumed on the way to the parent).
    private static func missing(_ pointer: JSONPointer, _ tokens: ArraySlice<String>) -> Reason {
        .notFound(JSONPointer(tokens: Array(pointer.tokens.prefix(pointer.tokens.count - tokens.count))))
    }

    /// An RFC 6901 array index: `0`, or digits not starting with `0`.
    static func index(_ token: String) -> Int? {
        guard let first = token.utf8.first, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if first == UInt8(ascii: "0") && token.utf8.count > 1 { return nil }
        return Int(token)
    }
}
