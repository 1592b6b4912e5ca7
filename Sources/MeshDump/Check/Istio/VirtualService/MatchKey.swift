import MeshDumpCore

/// A canonical text of a route match, equal for matches Istio takes as duplicates (it compares
/// their Go JSON encodings: keys in a fixed order, zero values left out, HTTP match names ignored).
enum MatchKey {
    static func text(of match: Value, droppingName: Bool) -> String {
        var match = match
        if droppingName { match["name"] = nil }
        var out = ""
        write(match, to: &out)
        return out
    }

    private static func write(_ value: Value, to out: inout String) {
        switch value {
        case .mapping(let m):
            out += "{"
            for (key, child) in m.sortedByKey(<) where !isZero(child) {
                out += GoFormat.quoted(key) + ":"
                write(child, to: &out)
                out += ","
            }
            out += "}"
        case .sequence(let items):
            out += "["
            for item in items {
                write(item, to: &out)
                out += ","
            }
            out += "]"
        case .string(let s): out += GoFormat.quoted(s)
        default: out += scalarText(value)
        }
    }

    /// Numbers by value, booleans and null as JSON writes them.
    static func scalarText(_ value: Value) -> String {
        switch value {
        case .int(let s), .float(let s): NumberText.canonical(s)
        case .bool(let b): b ? "true" : "false"
        case .string(let s): s
        default: "null"
        }
    }

    /// Values Go's `omitempty` leaves out.
    private static func isZero(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .bool(let b): !b
        case .int(let s), .float(let s): NumberText.canonical(s) == "0"
        case .string(let s): s.isEmpty
        case .sequence(let items): items.isEmpty
        case .mapping(let m): m.isEmpty
        }
    }
}
