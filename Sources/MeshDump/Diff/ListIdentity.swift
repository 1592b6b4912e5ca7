import MeshDumpCore

/// The key that identifies the entries of a list of mappings, so two versions of the list are
/// paired entry by entry by name rather than by content (see `ListAlignment`).
///
/// Istio names list entries in a few ways: `name` (HTTP routes, subsets, config patches…),
/// `port.number` (port-level settings), `number` (ServiceEntry ports), `host` and `hosts`
/// (Sidecar egress, Gateway servers). The first of these that every entry of both lists has,
/// as a scalar (or for `hosts` a list of strings) distinct within each list, is used.
struct ListIdentity {
    /// The key as written in paths (`port.number`).
    let name: String
    private let path: [String]

    static let candidates: [ListIdentity] = [
        ListIdentity(name: "name", path: ["name"]),
        ListIdentity(name: "port.number", path: ["port", "number"]),
        ListIdentity(name: "number", path: ["number"]),
        ListIdentity(name: "host", path: ["host"]),
        ListIdentity(name: "hosts", path: ["hosts"]),
    ]

    /// The identifying key both lists share, or nil when their entries are paired by content.
    static func find(_ old: [Value], _ new: [Value]) -> ListIdentity? {
        guard old.allSatisfy(isMapping), new.allSatisfy(isMapping) else { return nil }
        return candidates.first { $0.identifies(old) && $0.identifies(new) }
    }

    private static func isMapping(_ value: Value) -> Bool {
        if case .mapping = value { return true }
        return false
    }

    /// Whether every entry has this key with a usable value, distinct from the others'.
    private func identifies(_ entries: [Value]) -> Bool {
        var seen = Set<Value>(minimumCapacity: entries.count)
        for entry in entries {
            guard let id = identity(of: entry), seen.insert(id).inserted else { return false }
        }
        return true
    }

    /// The entry's identifying value: a scalar, or a non-empty list of strings.
    func identity(of entry: Value) -> Value? {
        switch entry[path: path] {
        case let v? where Self.isScalar(v): v
        case .sequence(let items)? where !items.isEmpty && items.allSatisfy({ $0.stringValue != nil }): .sequence(items)
        default: nil
        }
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .string, .int, .float, .bool: true
        case .null, .sequence, .mapping: false
        }
    }

    /// The identity as written in paths: the scalar's text, a list's strings joined by commas.
    static func text(of identity: Value) -> String {
        switch identity {
        case .string(let s): s
        case .int(let t), .float(let t): t
        case .bool(let b): b ? "true" : "false"
        case .sequence(let items): items.compactMap(\.stringValue).joined(separator: ",")
        case .null, .mapping: ""
        }
    }
}
