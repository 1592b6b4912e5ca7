/// Values compare by meaning: mappings by key regardless of order, numbers by numeric value
/// (`1.50` equals `1.5` and `450.00` equals `450`, as they do once decoded by the API server),
/// everything else exactly.
extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)), (.float(let a), .float(let b)), (.int(let a), .float(let b)), (.float(let a), .int(let b)):
            return a == b || NumberText.canonical(a) == NumberText.canonical(b)
        case (.string(let a), .string(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }
}

extension Mapping: Equatable {
    /// Equal when both hold the same keys with equal values, in any order.
    public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys == rhs.keys { return lhs.values == rhs.values }
        for (key, value) in zip(lhs.keys, lhs.values) {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let t), .float(let t): hasher.combine(2); hasher.combine(NumberText.canonical(t))
        case .string(let s): hasher.combine(4); hasher.combine(s)
        case .sequence(let s): hasher.combine(5); hasher.combine(s)
        case .mapping(let m): hasher.combine(6); hasher.combine(m)
        }
    }
}

extension Mapping: Hashable {
    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the entries' hashes commutatively.
        var sum = 0
        for (key, value) in zip(keys, values) {
            var entry = Hasher()
            entry.combine(key)
            entry.combine(value)
            sum = sum &+ entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
