import MeshDumpCore
import Synchronization

/// What a rule set did, per rule and per mapping entry, accumulated from any number of tasks.
///
/// `RuleStage` records each object; commands print `lines()` on standard error and report
/// `unmatched(strict:)` — rules and mapping entries that changed nothing, the classic typo in
/// a namespace name — as warnings, or errors under `--strict`.
public final class RuleReport: Sendable {
    /// Counts for one rule.
    public struct RuleCounts: Sendable, Equatable {
        public var matched = 0
        public var changed = 0
        public var fields = 0
        public var dropped = 0
        public var skippedByTest = 0
        public var failed = 0
    }

    /// Counts for one mapping entry: objects it changed and fields it changed in them.
    public struct EntryCounts: Sendable, Equatable {
        public var objects = 0
        public var fields = 0
    }

    /// A snapshot of the counts.
    public struct Totals: Sendable, Equatable {
        public var objectsIn = 0
        public var objectsOut = 0
        public var changed = 0
        public var dropped = 0
        public var rules: [RuleCounts]
        public var entries: [EntryCounts]
    }

    public let ruleNames: [String]
    let ruleOrigins: [Origin]
    public let entries: [MappingEntry]
    private let state: Mutex<Totals>

    init(rules: RuleSet, entries: [MappingEntry]) {
        ruleNames = rules.rules.map(\.name)
        ruleOrigins = rules.rules.map(\.origin)
        self.entries = entries
        state = Mutex(Totals(rules: Array(repeating: RuleCounts(), count: rules.rules.count),
                             entries: Array(repeating: EntryCounts(), count: entries.count)))
    }

    /// Adds one object's counts.
    func record(_ object: ObjectTally) {
        state.withLock { t in
            t.objectsIn += 1
            if object.dropped { t.dropped += 1 } else { t.objectsOut += 1 }
            if object.changed { t.changed += 1 }
            for (i, r) in object.rules {
                t.rules[i].matched += 1
                switch r {
                case .changed(let fields):
                    t.rules[i].changed += 1
                    t.rules[i].fields += fields
                case .dropped: t.rules[i].dropped += 1
                case .skippedByTest: t.rules[i].skippedByTest += 1
                case .failed: t.rules[i].failed += 1
                case .unchanged, .notMatched: break
                }
            }
            for (i, fields) in object.entryFields.enumerated() where fields > 0 {
                t.entries[i].objects += 1
                t.entries[i].fields += fields
            }
        }
    }

    public var totals: Totals { state.withLock { $0 } }

    /// The report as lines for standard error:
    /// `rule "drop TCM bookkeeping": 12 matched, 12 changed (24 fields)`.
    public func lines() -> [String] {
        let t = totals
        var out = ["rules: \(counted(t.objectsIn, "object")) in, \(t.objectsOut) out, \(t.changed) changed, \(t.dropped) dropped"]
        for (name, c) in zip(ruleNames, t.rules) {
            var parts = ["\(c.matched) matched"]
            if c.changed > 0 || c.dropped == 0 { parts.append("\(c.changed) changed (\(counted(c.fields, "field")))") }
            if c.dropped > 0 { parts.append("\(c.dropped) dropped") }
            if c.skippedByTest > 0 { parts.append("\(c.skippedByTest) skipped by a failed test") }
            if c.failed > 0 { parts.append("\(c.failed) failed") }
            out.append("  rule \"\(name)\": " + parts.joined(separator: ", "))
        }
        for (entry, c) in zip(entries, t.entries) {
            out.append("  \(entry.label): \(counted(c.objects, "object")) changed (\(counted(c.fields, "field")))")
        }
        return out
    }

    /// A diagnostic for each rule that matched nothing and each mapping entry that changed
    /// nothing, at its place in the rules file: warnings, or errors when `strict`.
    public func unmatched(strict: Bool) -> [Diagnostic] {
        let t = totals
        let severity: Diagnostic.Severity = strict ? .error : .warning
        var out: [Diagnostic] = []
        for (i, c) in t.rules.enumerated() where c.matched == 0 {
            out.append(Diagnostic(severity, "rule \"\(ruleNames[i])\" matched no object", origin: ruleOrigins[i]))
        }
        for (entry, c) in zip(entries, t.entries) where c.objects == 0 {
            out.append(Diagnostic(severity, "\(entry.label) matched nothing", origin: entry.origin))
        }
        return out
    }

}

/// What the rule stage did to one object.
struct ObjectTally {
    /// Outcomes of the rules that matched, by rule index.
    var rules: [(Int, Rule.Outcome)] = []
    /// Fields each mapping entry changed.
    var entryFields: [Int]
    var changed = false
    var dropped = false
}
