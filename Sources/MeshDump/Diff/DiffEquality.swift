import MeshDumpCore

/// When a diff takes two values as equal: as `Value`'s `==` (mappings in any key order, numbers
/// by numeric value, strings exactly), and also an integer and a float of the same value
/// (`10.0` and `10`): the API server hands custom resources back through Go's JSON, which turns
/// one into the other, so a tree and the cluster it was applied to must not differ there.
/// A string never equals a number (`"10"` is not `10`).
enum DiffEquality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .float(let y)), (.float(let x), .int(let y)):
            return NumberText.canonical(x) == NumberText.canonical(y)
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            if x.keys == y.keys { return zip(x.values, y.values).allSatisfy(equal) }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy(equal)
        default:
            return a == b
        }
    }
}
