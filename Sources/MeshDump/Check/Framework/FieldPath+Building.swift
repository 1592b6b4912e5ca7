import MeshDumpCore

extension FieldPath {
    /// A path of mapping keys: `FieldPath("spec", "gateways")`.
    public init(_ keys: String...) {
        self.init(keys.map(Component.key))
    }

    /// This path with a mapping key after it.
    public func key(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    /// This path with a list index after it.
    public func index(_ index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    /// The RFC 6901 pointer of this path (`/spec/http/1/route`).
    var pointer: String {
        components.map { component in
            switch component {
            case .key(let key): "/" + JSONPointer.escape(key)
            case .index(let i): "/" + String(i)
            }
        }.joined()
    }
}
