/// A line diff of two texts (Myers' O(ND) algorithm after trimming the common ends), grouped into
/// unified-diff hunks. Used for canonical YAML (`--output unified`) and multi-line strings; its
/// edit script also aligns the entries of lists (`ListAlignment`).
struct LineDiff {
    /// What happens to one line.
    enum Op: Sendable { case equal, delete, insert }

    /// One line of a hunk.
    struct Line {
        var op: Op
        var text: Substring
    }

    /// A run of changes with up to `context` equal lines around it.
    struct Hunk {
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
        var lines: [Line]

        /// `@@ -3,7 +3,8 @@`, counts of 1 left out, as git and GNU diff write them.
        var header: String {
            func range(_ start: Int, _ count: Int) -> String {
                count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
            }
            return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"
        }
    }

    /// Past this many differing lines, the middle of the texts is shown as replaced whole.
    static let maximumEditDistance = 2_000

    /// The lines of `text`, without their line breaks (a final line break ends the last line;
    /// empty text has no lines).
    static func lines(_ text: Substring) -> [Substring] {
        if text.isEmpty { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// The hunks turning `old` into `new`; empty when the lines are equal.
    static func hunks(_ old: [Substring], _ new: [Substring], context: Int = 3) -> [Hunk] {
        let ops = script(old, new)
        var hunks: [Hunk] = []
        var i = 0, oi = 0, ni = 0
        // Walk the script; open a hunk at a change and close it after 2×context equal lines.
        var current: Hunk? = nil
        var trailingEqual = 0
        while i < ops.count {
            let op = ops[i]
            if op == .equal {
                if var hunk = current {
                    let remainingEqual = ops[i...].prefix { $0 == .equal }.count
                    let atEnd = i + remainingEqual == ops.count
                    if remainingEqual > 2 * context || atEnd {
                        let tail = min(context, remainingEqual)
                        for t in 0..<tail { hunk.lines.append(Line(op: .equal, text: old[oi + t])) }
                        hunk.oldCount += tail
                        hunk.newCount += tail
                        hunks.append(hunk)
                        current = nil
                        trailingEqual = remainingEqual
                    } else {
                        for t in 0..<remainingEqual { hunk.lines.append(Line(op: .equal, text: old[oi + t])) }
                        hunk.oldCount += remainingEqual
                        hunk.newCount += remainingEqual
                        current = hunk
                    }
                    i += remainingEqual
                    oi += remainingEqual
                    ni += remainingEqual
                } else {
                    i += 1
                    oi += 1
                    ni += 1
                    trailingEqual += 1
                }
                continue
            }
            if current == nil {
                let lead = min(context, trailingEqual)
                var hunk = Hunk(oldStart: oi - lead, oldCount: lead, newStart: ni - lead, newCount: lead, lines: [])
                for t in (oi - lead)..<oi { hunk.lines.append(Line(op: .equal, text: old[t])) }
                current = hunk
            }
            if op == .delete {
                current!.lines.append(Line(op: .delete, text: old[oi]))
                current!.oldCount += 1
                oi += 1
            } else {
                current!.lines.append(Line(op: .insert, text: new[ni]))
                current!.newCount += 1
                ni += 1
            }
            i += 1
        }
        if let hunk = current { hunks.append(hunk) }
        return hunks
    }

    /// The edit script: for each step, keep an element, delete an old one or insert a new one.
    static func script<Element: Equatable>(_ old: [Element], _ new: [Element]) -> [Op] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var ops = [Op](repeating: .equal, count: prefix)
        ops += myers(a, b) ?? (Array(repeating: .delete, count: a.count) + Array(repeating: .insert, count: b.count))
        ops += [Op](repeating: .equal, count: suffix)
        return ops
    }

    /// Myers' shortest edit script, deletions before insertions in each change; nil when it
    /// needs more than `maximumEditDistance` edits.
    private static func myers<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [Op]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m) }
        let limit = min(n + m, maximumEditDistance)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, n, m) }
            }
        }
        return nil
    }

    /// Follows the saved frontiers back from the end to recover the script.
    private static func backtrack(_ trace: [[Int]], _ n: Int, _ m: Int) -> [Op] {
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]  // frontier before step d, indexed from k = -d - 1
            func at(_ k: Int) -> Int { v[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : at(previousK)
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                ops.append(.equal)
                x -= 1
                y -= 1
            }
            if d > 0 {
                ops.append(x == previousX ? .insert : .delete)
                x = previousX
                y = previousY
            }
        }
        return ops.reversed()
    }
}
