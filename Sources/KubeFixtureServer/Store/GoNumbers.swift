import MeshDumpCore

/// Numbers as an API server hands custom resources back: it decodes them as Go's
/// apimachinery JSON does (integral values become int64, others float64) and encodes them again,
/// so `10.0` comes back as `10` and `1e3` as `1000`.
enum GoNumbers {
    static func normalize(_ value: Value) -> Value {
        switch value {
        case .float(let text):
            guard let d = Double(text), d.isFinite else { return value }
            if d == d.rounded(), abs(d) < 9.2e18 { return .int(String(Int64(d))) }
            return .float("\(d)")
        case .sequence(let items):
            return .sequence(items.map(normalize))
        case .mapping(var map):
            map.updateValues { _, child in child = normalize(child) }
            return .mapping(map)
        default:
            return value
        }
    }
}
