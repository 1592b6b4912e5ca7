import MeshDumpCore

/// How the entries of two versions of a list correspond, so a diff reads like the change: an
/// inserted entry is one insertion, a removed one one removal, a moved one a reorder.
///
/// Entries are paired by identifying key when the list has one (`ListIdentity`; an identity
/// whose text is unchanged but whose type changed, `8080` → `"8080"`, still pairs, and so do
/// entries whose identity changed but that share at least half their fields). Otherwise
/// by a longest common subsequence of equal entries, then the leftovers: equal entries
/// elsewhere (moved), mappings and lists that share at least half their fields (changed in
/// place), scalars in the same gap between common entries (replaced), and the only container
/// removed and the only one added in a gap when they have a field in common (edited). The pairs that keep
/// their relative order are the anchors; any other pair was moved.
struct ListAlignment {
    /// One entry of the result, in the order a diff shows them.
    enum Step: Equatable {
        case paired(old: Int, new: Int)
        case removed(old: Int)
        case added(new: Int)
    }

    private(set) var steps: [Step] = []
    /// The pairs in the new list's order, as (old index, new index).
    private(set) var pairs: [(old: Int, new: Int)] = []
    /// Whether some shared entries changed their relative order.
    private(set) var isReordered = false

    /// Entries of mappings and lists at least this alike are the same entry, changed.
    static let minimumSimilarity = 0.5
    /// Past this many (removed × added) candidate pairs, entries are not compared for similarity.
    static let maximumCandidatePairs = 10_000

    init(_ old: [Value], _ new: [Value], identity: ListIdentity?) {
        var oldPartner = [Int?](repeating: nil, count: old.count)
        var newPartner = [Int?](repeating: nil, count: new.count)
        func pair(_ i: Int, _ j: Int) {
            oldPartner[i] = j
            newPartner[j] = i
        }
        if let identity {
            Self.pairByIdentity(old, new, identity, pair)
            Self.pairAlike(old, new, &oldPartner, &newPartner)
        } else {
            Self.pairByContent(old, new, &oldPartner, &newPartner)
        }
        pairs = newPartner.enumerated().compactMap { j, i in i.map { ($0, j) } }
        let anchors = Self.longestIncreasingRun(pairs.map(\.old))
        isReordered = anchors.count < pairs.count
        // Each gap before an anchor (and the tail): removed old entries, then the new entries.
        var previousOld = -1, previousNew = -1
        for k in 0...anchors.count {
            let (anchorOld, anchorNew) = k < anchors.count ? pairs[anchors[k]] : (old.count, new.count)
            for i in (previousOld + 1)..<anchorOld where oldPartner[i] == nil { steps.append(.removed(old: i)) }
            for j in (previousNew + 1)..<anchorNew {
                steps.append(newPartner[j].map { .paired(old: $0, new: j) } ?? .added(new: j))
            }
            if k < anchors.count { steps.append(.paired(old: anchorOld, new: anchorNew)) }
            (previousOld, previousNew) = (anchorOld, anchorNew)
        }
    }

    /// Same identity; then, among the rest, the same identity text (a key whose type changed).
    /// (The rest may still be alike enough: `pairAlike`.)
    private static func pairByIdentity(_ old: [Value], _ new: [Value], _ identity: ListIdentity, _ pair: (Int, Int) -> Void) {
        var oldIndex: [Value: Int] = [:]
        for (i, entry) in old.enumerated() { oldIndex[identity.identity(of: entry)!] = i }
        var unpairedNew: [Int] = []
        for (j, entry) in new.enumerated() {
            if let i = oldIndex.removeValue(forKey: identity.identity(of: entry)!) { pair(i, j) } else { unpairedNew.append(j) }
        }
        var byText: [String: Int] = [:]
        for (id, i) in oldIndex.sorted(by: { $0.value > $1.value }) { byText[ListIdentity.text(of: id)] = i }
        for j in unpairedNew {
            if let i = byText.removeValue(forKey: ListIdentity.text(of: identity.identity(of: new[j])!)) { pair(i, j) }
        }
    }

    /// A longest common subsequence of equal entries, then the leftovers as the type says.
    private static func pairByContent(_ old: [Value], _ new: [Value], _ oldPartner: inout [Int?], _ newPartner: inout [Int?]) {
        // Equal entries get one number, so the edit script compares integers.
        var numbers: [Value: Int] = [:]
        func number(_ value: Value) -> Int {
            if let n = numbers[value] { return n }
            numbers[value] = numbers.count
            return numbers.count - 1
        }
        let a = old.map(number), b = new.map(number)
        var gapOld = [Int](repeating: 0, count: old.count), gapNew = [Int](repeating: 0, count: new.count)
        var i = 0, j = 0, gap = 0
        for op in LineDiff.script(a, b) {
            switch op {
            case .equal:
                oldPartner[i] = j
                newPartner[j] = i
                gap += 1
                i += 1
                j += 1
            case .delete:
                gapOld[i] = gap
                i += 1
            case .insert:
                gapNew[j] = gap
                j += 1
            }
        }
        let removed = old.indices.filter { oldPartner[$0] == nil }
        var added = new.indices.filter { newPartner[$0] == nil }
        guard !removed.isEmpty, !added.isEmpty else { return }
        func pair(_ i: Int, _ j: Int) {
            oldPartner[i] = j
            newPartner[j] = i
        }
        // Moved: an equal entry elsewhere.
        var removedByNumber: [Int: [Int]] = [:]
        for i in removed.reversed() { removedByNumber[a[i], default: []].append(i) }
        for j in added {
            if let i = removedByNumber[b[j]]?.popLast() { pair(i, j) }
        }
        pairAlike(old, new, &oldPartner, &newPartner)
        added.removeAll { newPartner[$0] != nil }
        let left = removed.filter { oldPartner[$0] == nil }
        // Replaced: scalars in the same gap, in order; and the one container left in a gap
        // with the one added there, when they have a field in common, even with another value
        // (the only entry there, edited).
        var scalarsByGap: [Int: [Int]] = [:], containersByGap: [Int: [Int]] = [:]
        for i in left.reversed() {
            if isContainer(old[i]) { containersByGap[gapOld[i], default: []].append(i) } else { scalarsByGap[gapOld[i], default: []].append(i) }
        }
        var addedContainersByGap: [Int: [Int]] = [:]
        for j in added {
            if isContainer(new[j]) {
                addedContainersByGap[gapNew[j], default: []].append(j)
            } else if let i = scalarsByGap[gapNew[j]]?.popLast() {
                pair(i, j)
            }
        }
        for (gap, news) in addedContainersByGap where news.count == 1 {
            guard let olds = containersByGap[gap], olds.count == 1 else { continue }
            if LeafSet(shapeOf: old[olds[0]]).similarity(to: LeafSet(shapeOf: new[news[0]])) > 0 { pair(olds[0], news[0]) }
        }
    }

    /// Changed in place: unpaired mappings and lists that share at least half their fields, the
    /// most alike first.
    private static func pairAlike(_ old: [Value], _ new: [Value], _ oldPartner: inout [Int?], _ newPartner: inout [Int?]) {
        let containersOld = old.indices.filter { oldPartner[$0] == nil && isContainer(old[$0]) }
        let containersNew = new.indices.filter { newPartner[$0] == nil && isContainer(new[$0]) }
        guard !containersOld.isEmpty, !containersNew.isEmpty, containersOld.count * containersNew.count <= maximumCandidatePairs else { return }
        let leavesOld = Dictionary(uniqueKeysWithValues: containersOld.map { ($0, LeafSet(old[$0])) })
        let leavesNew = Dictionary(uniqueKeysWithValues: containersNew.map { ($0, LeafSet(new[$0])) })
        var candidates: [(similarity: Double, old: Int, new: Int)] = []
        for i in containersOld {
            for j in containersNew {
                let s = leavesOld[i]!.similarity(to: leavesNew[j]!)
                if s >= minimumSimilarity { candidates.append((s, i, j)) }
            }
        }
        candidates.sort { ($0.similarity, $1.old, $1.new) > ($1.similarity, $0.old, $0.new) }
        for c in candidates where oldPartner[c.old] == nil && newPartner[c.new] == nil {
            oldPartner[c.old] = c.new
            newPartner[c.new] = c.old
        }
    }

    private static func isContainer(_ value: Value) -> Bool {
        switch value {
        case .mapping, .sequence: true
        default: false
        }
    }

    /// Positions (into `values`) of a longest strictly increasing subsequence, in order.
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        var tails: [Int] = []  // tails[k]: position of the smallest last value of a run of length k + 1
        var previous = [Int](repeating: -1, count: values.count)
        for (p, v) in values.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[p] = tails[lo - 1] }
            if lo == tails.count { tails.append(p) } else { tails[lo] = p }
        }
        var run: [Int] = []
        var p = tails.last ?? -1
        while p >= 0 {
            run.append(p)
            p = previous[p]
        }
        return run.reversed()
    }
}
