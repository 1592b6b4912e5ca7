/// Shell-style globs for namespace names: `*` any run, `?` one character, `[a-c]` a set.
enum Glob {
    static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        match(Array(pattern), 0, Array(text), 0)
    }

    private static func match(_ p: [Character], _ pi: Int, _ t: [Character], _ ti: Int) -> Bool {
        var pi = pi, ti = ti
        while pi < p.count {
            switch p[pi] {
            case "*":
                if pi + 1 == p.count { return true }
                for start in ti...t.count where match(p, pi + 1, t, start) { return true }
                return false
            case "?":
                guard ti < t.count else { return false }
            case "[":
                guard ti < t.count else { return false }
                if let (matched, next) = set(p, pi, t[ti]) {
                    guard matched else { return false }
                    pi = next
                    ti += 1
                    continue
                }
                guard t[ti] == "[" else { return false }  // unclosed: a literal [
            default:
                guard ti < t.count, p[pi] == t[ti] else { return false }
            }
            pi += 1
            ti += 1
        }
        return ti == t.count
    }

    /// Whether `c` is in the set starting at `p[start]` (`[abc]`, `[a-z]`, `[!a]`), and where
    /// the pattern goes on; nil when the bracket is not closed (then it is a literal `[`).
    private static func set(_ p: [Character], _ start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        let negated = i < p.count && (p[i] == "!" || p[i] == "^")
        if negated { i += 1 }
        var matched = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (matched != negated, i + 1)
    }
}
