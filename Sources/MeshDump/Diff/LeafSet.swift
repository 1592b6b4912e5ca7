import MeshDumpCore

/// The leaves of a value — each scalar with the path to it, and each empty list or mapping — as
/// hashes, so two values can be told how alike they are: the share of leaves they both have
/// (git's similarity index, counted in fields rather than lines). Diff pairs list entries and
/// renamed objects by it.
struct LeafSet: Sendable {
    /// The leaves' hashes, sorted.
    private let hashes: [Int]

    /// The leaves of `value`, but those at the `skipped` key paths; `strings` changes each string
    /// before it is counted (a rename's namespace taken as moved).
    init(_ value: Value, skipping skipped: Set<[String]> = [], strings: ((String) -> String)? = nil) {
        var hashes: [Int] = []
        var path: [String] = []
        Self.collect(value, path: &path, hasher: Hasher(), skipped: skipped, strings: strings, into: &hashes)
        self.hashes = hashes.sorted()
    }

    /// The paths to the leaves of `value` without their values: how alike two values are in shape.
    init(shapeOf value: Value) {
        var hashes: [Int] = []
        var path: [String] = []
        Self.collect(value, path: &path, hasher: Hasher(), skipped: [], strings: nil, into: &hashes, shapeOnly: true)
        self.hashes = hashes.sorted()
    }

    var count: Int { hashes.count }

    /// How alike the two values are, from 0 (no leaf in common) to 1 (the same leaves).
    func similarity(to other: LeafSet) -> Double {
        let total = hashes.count + other.hashes.count
        guard total > 0 else { return 1 }
        var i = 0, j = 0, common = 0
        while i < hashes.count, j < other.hashes.count {
            if hashes[i] == other.hashes[j] {
                common += 1
                i += 1
                j += 1
            } else if hashes[i] < other.hashes[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * common) / Double(total)
    }

    /// Adds the leaves under `value`; `hasher` holds the path so far. Paths in `skipped` (keys
    /// from the root) are left out.
    private static func collect(_ value: Value, path: inout [String], hasher: Hasher, skipped: Set<[String]>,
                                strings: ((String) -> String)?, into hashes: inout [Int], shapeOnly: Bool = false) {
        switch value {
        case .mapping(let m) where !m.isEmpty:
            for (key, child) in m {
                path.append(key)
                defer { path.removeLast() }
                if !skipped.isEmpty, skipped.contains(path) { continue }
                var h = hasher
                h.combine(1)
                h.combine(key)
                collect(child, path: &path, hasher: h, skipped: skipped, strings: strings, into: &hashes, shapeOnly: shapeOnly)
            }
        case .sequence(let items) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                var h = hasher
                h.combine(2)
                h.combine(i)
                collect(item, path: &path, hasher: h, skipped: [], strings: strings, into: &hashes, shapeOnly: shapeOnly)
            }
        case _ where shapeOnly:
            hashes.append(hasher.finalize())
        case .string(let text) where strings != nil:
            var h = hasher
            h.combine(Value.string(strings!(text)))
            hashes.append(h.finalize())
        default:
            var h = hasher
            h.combine(value)
            hashes.append(h.finalize())
        }
    }
}
