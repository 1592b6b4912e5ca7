import MeshDumpCore

/// A set of field paths, as server-side apply tracks who owns what: each path is the mapping
/// keys from the object's root (`["spec", "hosts"]`). Lists are atomic, as they are in Istio's
/// CRDs: a path ends at a list, never inside one.
struct FieldSet: Equatable {
    private(set) var paths: Set<[String]> = []

    init(paths: Set<[String]> = []) {
        self.paths = paths
    }

    /// What an Apply manager owns of `value`: its leaves (scalars, lists, empty mappings).
    init(leavesOf value: Value) {
        Self.collectLeaves(value, prefix: [], into: &paths)
    }

    /// Reads a managedFields entry's `fieldsV1`: a node that is empty or holds `"."` is a member;
    /// `f:` is taken off field names (list-item keys such as `k:{…}` stay as they are).
    init(fieldsV1: Value) {
        Self.collectMembers(fieldsV1, prefix: [], into: &paths)
    }

    var isEmpty: Bool { paths.isEmpty }

    /// Whether `path` or a field below it is in the set.
    func ownsAny(at path: [String]) -> Bool {
        paths.contains { $0.starts(with: path) }
    }

    mutating func remove(_ path: [String]) { paths.remove(path) }

    func subtracting(_ other: FieldSet) -> FieldSet { FieldSet(paths: paths.subtracting(other.paths)) }

    /// The set as `fieldsV1`: `{"f:spec": {"f:hosts": {}}}`, keys sorted, `"."` where a member
    /// also has members below it.
    var fieldsV1: Value {
        var root = Node()
        for path in paths { root.insert(path[...]) }
        return root.value
    }

    /// `.spec.hosts`, as the API server writes a path in conflict messages.
    static func text(_ path: [String]) -> String { path.map { "." + $0 }.joined() }

    private static func collectLeaves(_ value: Value, prefix: [String], into paths: inout Set<[String]>) {
        guard case .mapping(let map) = value, !map.isEmpty else {
            paths.insert(prefix)
            return
        }
        for (key, child) in map { collectLeaves(child, prefix: prefix + [key], into: &paths) }
    }

    private static func collectMembers(_ node: Value, prefix: [String], into paths: inout Set<[String]>) {
        guard case .mapping(let map) = node else { return }
        if map.isEmpty || map["."] != nil, !prefix.isEmpty { paths.insert(prefix) }
        for (key, child) in map where key != "." {
            collectMembers(child, prefix: prefix + [key.hasPrefix("f:") ? String(key.dropFirst(2)) : key], into: &paths)
        }
    }

    /// A trie of paths, written out as fieldsV1.
    private struct Node {
        var member = false
        var children: [String: Node] = [:]

        mutating func insert(_ path: ArraySlice<String>) {
            guard let first = path.first else { member = true; return }
            children[first, default: Node()].insert(path.dropFirst())
        }

        var value: Value {
            var map = Mapping(minimumCapacity: children.count + 1)
            if member, !children.isEmpty { map.appendUnchecked(key: ".", value: [:]) }
            for key in children.keys.sorted() {
                map.appendUnchecked(key: Self.isItemKey(key) ? key : "f:" + key, value: children[key]!.value)
            }
            return .mapping(map)
        }

        /// A list item's key read from another manager's entry (`k:{…}`, `v:…`, `i:0`), kept as is.
        static func isItemKey(_ key: String) -> Bool {
            key.hasPrefix("k:") || key.hasPrefix("v:") || key.hasPrefix("i:")
        }
    }
}
