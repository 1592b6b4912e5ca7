import MeshDumpCore

/// Which objects a diff looks at: `--kinds` (resource names, kinds or short names, as export
/// takes them) and `-n` namespaces. Objects of other kinds or namespaces are left out of both
/// sides; with `-n`, cluster-scoped objects are left out too.
public struct ObjectFilter: Sendable {
    /// The kinds asked for, or nil for every kind.
    public var kinds: [Kind]?
    /// The namespaces asked for, or nil for every namespace.
    public var namespaces: Set<String>?

    public init(kinds: [Kind]? = nil, namespaces: Set<String>? = nil) {
        self.kinds = kinds
        self.namespaces = namespaces
    }

    /// Reads `--kinds vs,gw,DestinationRule`; an unknown name is an error.
    public static func kinds(parsing list: String) throws(DiffUsageError) -> [Kind] {
        var kinds: [Kind] = []
        for name in list.split(separator: ",").map({ $0.trimmingSpaces }) where !name.isEmpty {
            guard let kind = IstioKinds.named(name) else {
                let known = IstioKinds.all.map { $0.shortNames.first ?? $0.resource }.joined(separator: ", ")
                throw DiffUsageError("unknown kind \"\(name)\" in --kinds (known: \(known), or their kinds and resource names)")
            }
            if !kinds.contains(where: { $0.group == kind.group && $0.kind == kind.kind }) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw DiffUsageError("--kinds names no kind") }
        return kinds
    }

    public func includes(_ object: Object) -> Bool {
        if let namespaces, !namespaces.contains(object.namespace) { return false }
        if let kinds {
            let group = object.group, kind = object.kind
            return kinds.contains { $0.group == group && $0.kind == kind }
        }
        return true
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
