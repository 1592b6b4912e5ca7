/// "Did you mean …?": the candidates within two edits (Levenshtein, ignoring case) of a
/// misspelt word, nearest first.
public enum Suggestion {
    /// The nearest candidate within two edits, if one is.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        close(to: word, in: candidates, limit: 1, prefixes: false).first
    }

    /// Up to `limit` candidates within two edits, nearest first (then in the order given),
    /// without duplicates (ignoring case); with `prefixes`, a candidate that starts with a word of three or
    /// more letters (`httproutes` for `http`) counts as two edits away.
    public static func close(to word: String, in candidates: [String], limit: Int = 5, prefixes: Bool = true) -> [String] {
        let lower = Array(word.lowercased().utf8)
        var seen = Set<String>()
        var scored: [(candidate: String, distance: Int, order: Int)] = []
        for (order, candidate) in candidates.enumerated() where seen.insert(candidate.lowercased()).inserted {
            let other = Array(candidate.lowercased().utf8)
            var d = distance(lower, other)
            if d > 2, prefixes, lower.count >= 3, other.starts(with: lower) { d = 2 }
            if d <= 2 { scored.append((candidate, d, order)) }
        }
        return scored.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }.prefix(limit).map(\.candidate)
    }

    private static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
