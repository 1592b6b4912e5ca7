/// Objects' labels indexed by `key=value`, so finding the objects a selector picks costs the
/// rarest of its labels, not a scan of every object (a mesh has thousands of Pods, and every
/// Gateway, subset and workload selector looks them up).
struct LabelIndex {
    /// Each object's labels, in the order given.
    let labels: [[String: String]]
    private var postings: [String: [Int]] = [:]

    init(labels: [[String: String]]) {
        self.labels = labels
        for (i, set) in labels.enumerated() {
            for (key, value) in set { postings[key + "=" + value, default: []].append(i) }
        }
    }

    /// The index of objects' own labels (Pods, usually), in the snapshot's order.
    init(_ objects: [SnapshotObject]) {
        self.init(labels: objects.map { object in Dictionary(object.labels, uniquingKeysWith: { _, last in last }) })
    }

    /// The positions of the objects whose labels hold every pair of `selector` (all of them for
    /// an empty selector), in ascending order.
    func matching(_ selector: LabelSet) -> [Int] {
        guard let candidates = candidates(selector) else { return Array(labels.indices) }
        return candidates.filter { holds($0, selector) }
    }

    /// Whether any object's labels hold every pair of `selector`.
    func containsMatch(_ selector: LabelSet) -> Bool {
        guard let candidates = candidates(selector) else { return !labels.isEmpty }
        return candidates.contains { holds($0, selector) }
    }

    /// The objects having the rarest of the selector's pairs; nil for an empty selector.
    private func candidates(_ selector: LabelSet) -> [Int]? {
        var rarest: [Int]? = nil
        for pair in selector.pairs {
            let posting = postings[pair.key + "=" + pair.value] ?? []
            if rarest == nil || posting.count < rarest!.count { rarest = posting }
        }
        return rarest
    }

    private func holds(_ i: Int, _ selector: LabelSet) -> Bool {
        selector.matches { labels[i][$0] }
    }
}
