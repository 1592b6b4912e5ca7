import MeshDumpCore

extension FieldPath {
    /// A path of mapping keys: `FieldPath("spec", "gateways")`.
    public init(_ keys: String...) {
        self.init(keys.map(Step.key))
    }

    /// This path with a mapping key after it.
    public func key(_ key: String) -> FieldPath {
        appending(.key(key))
    }

    /// This path with a list index after it.
    public func index(_ index: Int) -> FieldPath {
        appending(.index(index))
    }
}
