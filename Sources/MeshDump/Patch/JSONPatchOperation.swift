import MeshDumpCore

/// One RFC 6902 operation.
public enum JSONPatchOperation: Sendable, Equatable, CustomStringConvertible {
    case add(JSONPointer, Value)
    case remove(JSONPointer)
    case replace(JSONPointer, Value)
    case move(from: JSONPointer, to: JSONPointer)
    case copy(from: JSONPointer, to: JSONPointer)
    case test(JSONPointer, Value)

    /// The operation names RFC 6902 defines.
    public static let names = ["add", "remove", "replace", "move", "copy", "test"]

    /// Reads one operation object (`{op: add, path: /a, value: 1}`).
    public init(parsing value: Value) throws(JSONPatchError.Reason) {
        guard case .mapping(let m) = value else {
            throw .invalid("an operation is a mapping, not \(value.typeNameWithArticle)")
        }
        guard let opValue = m["op"] else { throw .invalid("missing \"op\"") }
        guard case .string(let op) = opValue else { throw .invalid("\"op\" is \(opValue.typeNameWithArticle), not a string") }
        func pointer(_ member: String) throws(JSONPatchError.Reason) -> JSONPointer {
            guard let v = m[member] else { throw .invalid("\(op) needs \"\(member)\"") }
            guard case .string(let text) = v else { throw .invalid("\"\(member)\" is \(v.typeNameWithArticle), not a string") }
            do {
                return try JSONPointer(parsing: text)
            } catch {
                throw .invalid(error.description)
            }
        }
        func member(_ name: String) throws(JSONPatchError.Reason) -> Value {
            guard let v = m[name] else { throw .invalid("\(op) needs \"\(name)\"") }
            return v
        }
        switch op {
        case "add": self = .add(try pointer("path"), try member("value"))
        case "remove": self = .remove(try pointer("path"))
        case "replace": self = .replace(try pointer("path"), try member("value"))
        case "move": self = .move(from: try pointer("from"), to: try pointer("path"))
        case "copy": self = .copy(from: try pointer("from"), to: try pointer("path"))
        case "test": self = .test(try pointer("path"), try member("value"))
        default: throw .invalid("unknown op \"\(op)\"; expected one of \(Self.names.joined(separator: ", "))")
        }
    }

    public var description: String {
        switch self {
        case .add(let p, _): "add \(p)"
        case .remove(let p): "remove \(p)"
        case .replace(let p, _): "replace \(p)"
        case .move(let from, let to): "move \(from) to \(to)"
        case .copy(let from, let to): "copy \(from) to \(to)"
        case .test(let p, _): "test \(p)"
        }
    }

    /// Applies the operation in place and says whether it changed anything (a `test`, a `move`
    /// onto itself, or writing an equal value does not); on error `document` may be partly
    /// changed, so callers work on a copy (as `JSONPatch.apply` does).
    @discardableResult
    func apply(to document: inout Value) throws(JSONPatchError.Reason) -> Bool {
        switch self {
        case .add(let path, let value):
            let old = try? PointerEditor.value(at: path, in: document)
            try PointerEditor.add(value, at: path, in: &document)
            return old != value || Self.isArrayInsert(path, document)
        case .remove(let path):
            _ = try PointerEditor.remove(at: path, in: &document)
            return true
        case .replace(let path, let value):
            let old = try PointerEditor.value(at: path, in: document)
            try PointerEditor.replace(at: path, with: value, in: &document)
            return old != value
        case .move(let from, let to):
            if from == to {
                _ = try PointerEditor.value(at: from, in: document)
                return false
            }
            if to.tokens.count > from.tokens.count, Array(to.tokens.prefix(from.tokens.count)) == from.tokens {
                throw .invalid("cannot move \(from) into its own child \(to)")
            }
            let value = try PointerEditor.remove(at: from, in: &document)
            try PointerEditor.add(value, at: to, in: &document)
            return true
        case .copy(let from, let to):
            let value = try PointerEditor.value(at: from, in: document)
            let old = try? PointerEditor.value(at: to, in: document)
            try PointerEditor.add(value, at: to, in: &document)
            return old != value || Self.isArrayInsert(to, document)
        case .test(let path, let expected):
            guard let actual = try? PointerEditor.value(at: path, in: document), JSONEquality.equal(actual, expected) else {
                throw .testFailed(path)
            }
            return false
        }
    }

    /// Whether `path` added to an array (an insert always changes it).
    private static func isArrayInsert(_ path: JSONPointer, _ document: Value) -> Bool {
        guard let parent = path.parent, case .sequence? = try? PointerEditor.value(at: parent, in: document) else { return false }
        return true
    }
}
