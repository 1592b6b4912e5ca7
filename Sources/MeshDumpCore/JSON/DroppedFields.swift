/// Fields of an object that the rest of a pipeline removes whole (neat drops `status`,
/// `metadata.managedFields` and the last-applied annotation), so a reader may skip them
/// instead of building their values. Paths go through mappings only.
public struct DroppedFields: Sendable {
    var children: [String: DroppedFields]
    /// This field itself is dropped.
    var isDropped: Bool

    public init(paths: [[String]]) {
        self.init(children: [:], isDropped: false)
        for path in paths { insert(path[...]) }
    }

    private init(children: [String: DroppedFields], isDropped: Bool) {
        self.children = children
        self.isDropped = isDropped
    }

    private mutating func insert(_ path: ArraySlice<String>) {
        guard let first = path.first else {
            isDropped = true
            return
        }
        children[first, default: DroppedFields(children: [:], isDropped: false)].insert(path.dropFirst())
    }

    /// What is dropped below `key`: nil when nothing is.
    func child(_ key: String) -> DroppedFields? { children[key] }
}
