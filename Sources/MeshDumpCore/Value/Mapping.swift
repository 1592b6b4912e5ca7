/// A mapping with string keys that keeps its keys in insertion order.
///
/// Kubernetes objects hold small mappings (a handful of keys), so lookups scan; this keeps the
/// type two plain arrays, cheap to build while parsing and cheap to copy.
public struct Mapping: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [Value]

    public init() {
        keys = []
        values = []
    }

    public init(minimumCapacity: Int) {
        keys = []
        values = []
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, or `nil`.
    public func index(forKey key: String) -> Int? {
        keys.firstIndex(of: key)
    }

    /// The value for `key`; assigning `nil` removes the key, assigning a new key appends it.
    public subscript(key: String) -> Value? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return values[i]
        }
        set {
            if let i = index(forKey: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends an entry without checking for an existing key (the caller guarantees uniqueness).
    public mutating func appendUnchecked(key: String, value: Value) {
        keys.append(key)
        values.append(value)
    }

    /// Inserts an entry at position `i` without checking for an existing key.
    public mutating func insertUnchecked(key: String, value: Value, at i: Int) {
        keys.insert(key, at: i)
        values.insert(value, at: i)
    }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        guard let i = index(forKey: key) else { return nil }
        keys.remove(at: i)
        return values.remove(at: i)
    }

    /// Replaces the value at position `i`.
    public mutating func setValue(_ value: Value, at i: Int) {
        values[i] = value
    }

    /// Calls `body` with each value in place, so nested values can be edited without copies.
    public mutating func updateValues(_ body: (String, inout Value) throws -> Void) rethrows {
        for i in values.indices {
            try body(keys[i], &values[i])
        }
    }

    /// The entries in the order `areInIncreasingOrder` gives their keys.
    public func sortedByKey(_ areInIncreasingOrder: (String, String) -> Bool) -> [(key: String, value: Value)] {
        if zip(keys, keys.dropFirst()).allSatisfy({ areInIncreasingOrder($0, $1) }) {
            return Array(zip(keys, values).lazy.map { (key: $0, value: $1) })
        }
        return keys.indices
            .sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
            .map { (keys[$0], values[$0]) }
    }
}

extension Mapping: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}
