import MeshDumpCore

/// An RFC 6902 JSON Patch: operations applied in order to a value, all or nothing.
///
/// `apply(to:)` either returns the patched value or throws, leaving the input as it was: a
/// failed `test` (`JSONPatchError.Reason.testFailed`) or any other failing operation stops the
/// patch. Paths are RFC 6901 JSON Pointers; array indexes are decimal without leading zeros, and
/// `-` names the end of an array for `add`, `move` and `copy`.
public struct JSONPatch: Sendable, Equatable {
    public var operations: [JSONPatchOperation]

    public init(operations: [JSONPatchOperation]) {
        self.operations = operations
    }

    /// Reads a patch document: a list of operation objects. Members RFC 6902 does not define are
    /// ignored, as it asks.
    public init(parsing document: Value) throws(JSONPatchError) {
        guard case .sequence(let items) = document else {
            throw JSONPatchError(operation: nil, reason: .invalid("a patch is a list of operations, not \(document.typeNameWithArticle)"))
        }
        var operations: [JSONPatchOperation] = []
        operations.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do {
                operations.append(try JSONPatchOperation(parsing: item))
            } catch {
                throw JSONPatchError(operation: i, reason: error)
            }
        }
        self.operations = operations
    }

    /// The patched value.
    public func apply(to value: Value) throws(JSONPatchError) -> Value {
        try applyCountingChanges(to: value).value
    }

    /// The patched value, and how many operations changed something.
    public func applyCountingChanges(to value: Value) throws(JSONPatchError) -> (value: Value, changes: Int) {
        var document = value
        var changes = 0
        for (i, operation) in operations.enumerated() {
            do {
                if try operation.apply(to: &document) { changes += 1 }
            } catch {
                throw JSONPatchError(operation: i, reason: error)
            }
        }
        return (document, changes)
    }
}

/// Why a patch could not be read or applied, and which operation (0-based) failed.
public struct JSONPatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        /// The operation object is malformed (missing or wrong members, bad pointer).
        case invalid(String)
        /// The path (or `from`) names nothing in the document.
        case notFound(JSONPointer)
        /// The path cannot hold a value there (a scalar parent, an index past the end).
        case unreachable(JSONPointer, String)
        /// A `test` operation found a different value (or none).
        case testFailed(JSONPointer)

        public var description: String {
            switch self {
            case .invalid(let message): message
            case .notFound(let pointer): "\(Self.show(pointer)) does not exist"
            case .unreachable(let pointer, let why): "cannot reach \(Self.show(pointer)): \(why)"
            case .testFailed(let pointer): "test failed: the value at \(Self.show(pointer)) differs"
            }
        }

        static func show(_ pointer: JSONPointer) -> String {
            pointer.tokens.isEmpty ? "the document root" : pointer.description
        }
    }

    /// The 0-based operation, or nil when the patch as a whole is malformed.
    public var operation: Int?
    public var reason: Reason

    public init(operation: Int?, reason: Reason) {
        self.operation = operation
        self.reason = reason
    }

    public var isTestFailure: Bool {
        if case .testFailed = reason { return true }
        return false
    }

    public var description: String {
        guard let operation else { return "\(reason)" }
        return "operation \(operation): \(reason)"
    }
}
