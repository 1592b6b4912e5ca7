import MeshDumpCore

/// Finds the objects a diff sees removed in one place and added in another that are one object
/// renamed — moved to another namespace, or given another name — as git and dyff find renamed
/// files: by content.
///
/// A removed and an added object of one kind are a rename when at least half of their fields
/// (`LeafSet`, without apiVersion, kind, namespace and name) are equal, a namespace in strings counted as moved
/// with the object (`x.team-001.svc` in team-001 is `x.orders.svc` in orders). Pairs that keep
/// their name are taken first, then the most alike; an object with two equally good partners is
/// left alone rather than guessed, unless the namespace it is in moved (as the other renames
/// show) to the namespace of one of them. An object with no content besides its identity is
/// paired only that way, with its namesake.
enum ObjectRenames {
    static let minimumSimilarity = 0.5
    /// Past this many (removed × added) pairs of one kind, only pairs that keep their name are compared.
    static let maximumCandidatePairs = 250_000
    /// Fields left out of the comparison: the same in every candidate (kind, nearly always
    /// apiVersion), or the identity a rename changes.
    static let skippedPaths: Set<[String]> = [["apiVersion"], ["kind"], ["metadata", "name"], ["metadata", "namespace"]]

    /// Whether a change is to the object's namespace or name.
    static func isIdentity(_ path: FieldPath) -> Bool {
        path == FieldPath([.key("metadata"), .key("name")]) || path == FieldPath([.key("metadata"), .key("namespace")])
    }

    /// The leaves an object is compared by, its namespace read as `newNamespace` in strings.
    static func leaves(of object: Object, newNamespace: String? = nil) -> LeafSet {
        guard let newNamespace, !object.namespace.isEmpty, newNamespace != object.namespace else {
            return LeafSet(object.value, skipping: skippedPaths)
        }
        let old = object.namespace
        return LeafSet(object.value, skipping: skippedPaths) { replacingLabel(old, with: newNamespace, in: $0) }
    }

    /// The renames among `removed` and `added`, as (index into removed, index into added).
    ///
    /// Namespaces that look alike (generated meshes, copies of one team's config) make many
    /// candidates equally good; objects move with their namespace, so where content cannot
    /// tell, the namespace the unambiguous renames moved to decides.
    static func pairs(removed: [Object], added: [Object]) -> [(Int, Int)] {
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        var addedByKind: [KindKey: [Int]] = [:]
        for (j, object) in added.enumerated() { addedByKind[KindKey(object), default: []].append(j) }
        var removedByKind: [KindKey: [Int]] = [:]
        for (i, object) in removed.enumerated() where addedByKind[KindKey(object)] != nil {
            removedByKind[KindKey(object), default: []].append(i)
        }
        let candidatesByKind = removedByKind.sorted { $0.key < $1.key }.map { kind, olds in
            candidates(olds, addedByKind[kind]!, removed, added)
        }
        var pairedOld = Set<Int>(), pairedNew = Set<Int>()
        var result: [(Int, Int)] = []
        for candidates in candidatesByKind { result += resolve(candidates.filter { !$0.contentless }, &pairedOld, &pairedNew) }
        let moves = NamespaceMoves(result.map { (removed[$0.0].namespace, added[$0.1].namespace) })
        for candidates in candidatesByKind {
            let consistent = candidates.filter { moves.agree(removed[$0.old].namespace, added[$0.new].namespace) }
            result += resolve(consistent, &pairedOld, &pairedNew)
        }
        return result
    }

    private struct KindKey: Hashable, Comparable {
        var group: String
        var kind: String
        init(_ object: Object) { (group, kind) = (object.group, object.kind) }
        static func < (a: KindKey, b: KindKey) -> Bool { (a.group, a.kind) < (b.group, b.kind) }
    }

    private struct Candidate {
        var old: Int
        var new: Int
        var sameName: Bool
        var similarity: Double
        /// Neither object has content besides its identity (a ServiceAccount): only the
        /// namespace its neighbours moved to can pair it, and only with its namesake.
        var contentless = false
    }

    /// The pairs of one kind alike enough, best first: those that keep their name, then the
    /// most alike.
    private static func candidates(_ olds: [Int], _ news: [Int], _ removed: [Object], _ added: [Object]) -> [Candidate] {
        let newLeaves = Dictionary(uniqueKeysWithValues: news.map { ($0, leaves(of: added[$0])) })
        var candidates: [Candidate] = []
        func consider(_ i: Int, _ j: Int, sameName: Bool) {
            let new = newLeaves[j]!
            let old = leaves(of: removed[i], newNamespace: added[j].namespace)
            guard old.count > 0, new.count > 0 else {
                if old.count == 0, new.count == 0, sameName {
                    candidates.append(Candidate(old: i, new: j, sameName: true, similarity: 1, contentless: true))
                }
                return
            }
            let similarity = old.similarity(to: new)
            if similarity >= minimumSimilarity { candidates.append(Candidate(old: i, new: j, sameName: sameName, similarity: similarity)) }
        }
        var newsByName: [String: [Int]] = [:]
        for j in news { newsByName[added[j].name, default: []].append(j) }
        for i in olds {
            for j in newsByName[removed[i].name] ?? [] { consider(i, j, sameName: true) }
        }
        if olds.count * news.count <= maximumCandidatePairs {
            for i in olds {
                for j in news where added[j].name != removed[i].name { consider(i, j, sameName: false) }
            }
        }
        return candidates.sorted { a, b in
            (a.sameName ? 1 : 0, a.similarity, b.old, b.new) > (b.sameName ? 1 : 0, b.similarity, a.old, a.new)
        }
    }

    /// Takes the best candidates first; among equally good ones, a pair is taken only when
    /// neither object has another partner as good (both are left alone otherwise).
    private static func resolve(_ candidates: [Candidate], _ pairedOld: inout Set<Int>, _ pairedNew: inout Set<Int>) -> [(Int, Int)] {
        var blockedOld = Set<Int>(), blockedNew = Set<Int>()
        var result: [(Int, Int)] = []
        var k = 0
        while k < candidates.count {
            var end = k
            while end < candidates.count, candidates[end].sameName == candidates[k].sameName,
                  candidates[end].similarity == candidates[k].similarity { end += 1 }
            let open = candidates[k..<end].filter {
                !pairedOld.contains($0.old) && !pairedNew.contains($0.new) && !blockedOld.contains($0.old) && !blockedNew.contains($0.new)
            }
            var oldCount: [Int: Int] = [:], newCount: [Int: Int] = [:]
            for c in open {
                oldCount[c.old, default: 0] += 1
                newCount[c.new, default: 0] += 1
            }
            for c in open {
                if oldCount[c.old] == 1 && newCount[c.new] == 1 {
                    result.append((c.old, c.new))
                    pairedOld.insert(c.old)
                    pairedNew.insert(c.new)
                } else {
                    blockedOld.insert(c.old)
                    blockedNew.insert(c.new)
                }
            }
            k = end
        }
        return result
    }

    /// Where the renames found so far moved each namespace: a namespace that moved mostly to
    /// one other, which received mostly from it.
    private struct NamespaceMoves {
        private var to: [String: String] = [:]
        private var from: [String: String] = [:]

        init(_ moves: [(String, String)]) {
            var counts: [String: [String: Int]] = [:], reverse: [String: [String: Int]] = [:]
            for (old, new) in moves {
                counts[old, default: [:]][new, default: 0] += 1
                reverse[new, default: [:]][old, default: 0] += 1
            }
            to = counts.compactMapValues(Self.favourite)
            from = reverse.compactMapValues(Self.favourite)
        }

        /// The key with the most votes, when no other has as many.
        private static func favourite(_ votes: [String: Int]) -> String? {
            guard let best = votes.values.max(), votes.values.count(where: { $0 == best }) == 1 else { return nil }
            return votes.first { $0.value == best }?.key
        }

        func agree(_ old: String, _ new: String) -> Bool {
            to[old] == new && from[new] == old
        }
    }

    /// `text` with every whole DNS label `label` (not part of a longer name: `team-0` is not in
    /// `team-01`) replaced by `replacement`.
    static func replacingLabel(_ label: String, with replacement: String, in text: String) -> String {
        guard text.contains(label) else { return text }
        let bytes = Array(text.utf8), needle = Array(label.utf8)
        let continuesLabel = { MentionScanner.continuesName($0, dot: false) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count, bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle,
               i == 0 || !continuesLabel(bytes[i - 1]),
               i + needle.count == bytes.count || !continuesLabel(bytes[i + needle.count]) {
                out += replacement.utf8
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
