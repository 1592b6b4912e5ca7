import MeshDumpCore

/// The `--ignore` patterns of a diff, applied to an object's value: every field a pattern
/// matches is removed, and a mapping or list left empty by those removals is removed too, so
/// `metadata.annotations.*` makes an object with annotations equal to one without.
public struct IgnoreSet: Sendable {
    public let patterns: [IgnorePattern]

    public init(_ patterns: [IgnorePattern] = []) {
        self.patterns = patterns
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The value without the fields the patterns match (the value itself when nothing matches).
    public func apply(to value: Value) -> Value {
        guard !patterns.isEmpty else { return value }
        let start = patterns.indices.map { State(pattern: $0, step: 0) }
        return prune(value, start) ?? .mapping(Mapping())
    }

    /// A pattern and how many of its steps have matched.
    private struct State {
        var pattern: Int
        var step: Int
    }

    /// Prunes `value` under the states that reached it; nil when it is emptied by removals.
    private func prune(_ value: Value, _ states: [State]) -> Value? {
        switch value {
        case .mapping(let map):
            var kept = Mapping(minimumCapacity: map.count)
            var removedAny = false
            for (key, child) in map {
                let next = states.flatMap { advance($0, key: key) }
                if let keptChild = descend(child, next) {
                    kept.appendUnchecked(key: key, value: keptChild)
                } else {
                    removedAny = true
                }
            }
            return removedAny && kept.isEmpty ? nil : .mapping(kept)
        case .sequence(let items):
            var kept: [Value] = []
            kept.reserveCapacity(items.count)
            var removedAny = false
            for (i, item) in items.enumerated() {
                let next = states.flatMap { advance($0, index: i, entry: item) }
                if let keptItem = descend(item, next) {
                    kept.append(keptItem)
                } else {
                    removedAny = true
                }
            }
            return removedAny && kept.isEmpty ? nil : .sequence(kept)
        default:
            return value
        }
    }

    /// The child pruned by the states that reached it; nil when a pattern matches it whole or
    /// removals empty it.
    private func descend(_ child: Value, _ states: [State]) -> Value? {
        if states.isEmpty { return child }
        if states.contains(where: { $0.step == patterns[$0.pattern].steps.count }) { return nil }
        return prune(child, states)
    }

    /// The states after matching a mapping key. A bare key step may take the following bare
    /// steps with it, joined by dots, to match a key that holds dots.
    private func advance(_ state: State, key: String) -> [State] {
        let steps = patterns[state.pattern].steps
        guard state.step < steps.count else { return [] }
        switch steps[state.step] {
        case .any:
            return [State(pattern: state.pattern, step: state.step + 1)]
        case .quotedKey(let k):
            return k == key ? [State(pattern: state.pattern, step: state.step + 1)] : []
        case .key:
            var result: [State] = []
            var joined = ""
            var j = state.step
            while j < steps.count, case .key(let part) = steps[j] {
                joined = j == state.step ? part : joined + "." + part
                if IgnoreWildcard.matches(joined, key) { result.append(State(pattern: state.pattern, step: j + 1)) }
                j += 1
            }
            return result
        case .index, .anyEntry, .entry:
            return []
        }
    }

    /// The states after matching list entry `index`.
    private func advance(_ state: State, index: Int, entry: Value) -> [State] {
        let steps = patterns[state.pattern].steps
        guard state.step < steps.count else { return [] }
        let matched: Bool
        switch steps[state.step] {
        case .any, .anyEntry: matched = true
        case .index(let n): matched = n == index
        case .entry(let key, let glob):
            matched = entry[path: key].map { IgnoreWildcard.matches(glob, ListIdentity.text(of: $0)) } ?? false
        case .key, .quotedKey: matched = false
        }
        return matched ? [State(pattern: state.pattern, step: state.step + 1)] : []
    }
}

/// The `*` of ignore paths: any run of characters (`[` and `?` belong to the path syntax).
enum IgnoreWildcard {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        if !pattern.contains("*") { return pattern == text }
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] != UInt8(ascii: "*"), p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
