import MeshDumpCore

/// Equality as RFC 6902's `test` defines it: numbers by numeric value whether written as
/// integers or not (`1` equals `1.0`), objects by members in any order, arrays by position,
/// everything else exactly.
enum JSONEquality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .float(let y)), (.float(let x), .int(let y)), (.int(let x), .int(let y)), (.float(let x), .float(let y)):
            return x == y || NumberText.canonical(x) == NumberText.canonical(y)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        default:
            return a == b
        }
    }
}
