import MeshDumpCore

/// An API group and kind, written as the ApplySet annotations write them: `Kind.group`, or the
/// bare kind for the core group (`VirtualService.networking.istio.io`, `Secret`).
public struct GroupKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var group: String
    public var kind: String

    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    /// The group-kind of an object identity.
    public init(_ id: ObjectID) {
        self.init(group: id.group, kind: id.kind)
    }

    /// Parses `Kind.group`: the kind is everything before the first dot (Go's `schema.ParseGroupKind`).
    public init(parsing text: some StringProtocol) {
        if let dot = text.firstIndex(of: ".") {
            self.init(group: String(text[text.index(after: dot)...]), kind: String(text[..<dot]))
        } else {
            self.init(group: "", kind: String(text))
        }
    }

    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }

    /// Sorted as the annotation sorts them: by their written form.
    public static func < (a: GroupKind, b: GroupKind) -> Bool {
        Array(a.description.utf8).lexicographicallyPrecedes(Array(b.description.utf8))
    }
}
