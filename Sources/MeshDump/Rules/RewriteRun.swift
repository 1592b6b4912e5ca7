import MeshDumpCore
import Synchronization

/// `meshdump rewrite`: reads objects from files, a tree or standard input, runs the rule stage
/// on each, and writes the result as a tree in export's layout, atomically.
///
/// Objects stream from the inputs through the stage into the tree writer's staging folder; the
/// tree is swapped in only when every input was read and nothing reported an error (a failing
/// patch, or under `strict` a rule or mapping entry that matched nothing). Otherwise the old
/// tree, if any, is untouched.
public struct RewriteRun {
    public var inputs: [String]
    public var rules: RuleSet
    /// The tree to write; an input directory for `--in-place`.
    public var output: String
    /// Replace `output` even when it is a non-empty directory meshdump did not write.
    public var force: Bool
    public var strict: Bool

    public init(inputs: [String], rules: RuleSet, output: String, force: Bool = false, strict: Bool = false) {
        self.inputs = inputs
        self.rules = rules
        self.output = output
        self.force = force
        self.strict = strict
    }

    /// What happened: the report, and whether the tree was written.
    public struct Result {
        public var report: RuleReport
        public var written: Bool
        public var worstSeverity: Diagnostic.Severity?
    }

    /// Runs the rewrite. Throws for what cannot be read or written (nothing is written then);
    /// problems the stage reports go to `diagnostics`, and an error among them keeps the tree
    /// from being written.
    public func run(diagnostics: DiagnosticSink) throws -> Result {
        let writer = try TreeWriter(root: output, layout: TreeLayout(), force: force)
        let outcome: (report: RuleReport, worst: Diagnostic.Severity?)
        do {
            outcome = try process(diagnostics: diagnostics) { _, rewritten in
                if let rewritten { try writer.write(rewritten) }
            }
        } catch {
            writer.abort()
            throw error
        }
        guard outcome.worst != .error else {
            writer.abort()
            return Result(report: outcome.report, written: false, worstSeverity: outcome.worst)
        }
        try writer.commit()
        return Result(report: outcome.report, written: true, worstSeverity: outcome.worst)
    }

    /// What `--dry-run` shows: each object compared with what the rules make of it (a moved
    /// object is one change, its `metadata.namespace`; a dropped one is removed), as a
    /// `meshdump diff` result. Nothing is written.
    public struct Preview {
        public var diff: DiffResult
        public var report: RuleReport
        public var worstSeverity: Diagnostic.Severity?
    }

    public func preview(diagnostics: DiagnosticSink) throws -> Preview {
        let differ = ObjectDiffer()
        var differences: [ObjectDiff] = []
        var unchanged = 0
        let outcome = try process(diagnostics: diagnostics) { original, rewritten in
            guard let rewritten else {
                differences.append(ObjectDiff(id: original.id, status: .removed, old: original, new: nil))
                return
            }
            if let diff = differ.compare(original, rewritten) { differences.append(diff) } else { unchanged += 1 }
        }
        return Preview(diff: DiffResult(objects: differences, unchanged: unchanged), report: outcome.report, worstSeverity: outcome.worst)
    }

    /// Reads every input object, runs the stage on it and hands both to `body`; then reports the
    /// rules and entries that matched nothing.
    private func process(diagnostics: DiagnosticSink, _ body: (Object, Object?) throws -> Void) throws
        -> (report: RuleReport, worst: Diagnostic.Severity?)
    {
        let tracker = SeverityTracker(forwardingTo: diagnostics)
        let stage = RuleStage(rules: rules, diagnostics: tracker)
        try FileObjectSource(paths: inputs).forEach { object in
            try body(object, stage.apply(object))
        }
        for diagnostic in stage.report.unmatched(strict: strict) { tracker.report(diagnostic) }
        return (stage.report, tracker.worst)
    }
}

/// Passes diagnostics on and remembers the worst severity seen.
final class SeverityTracker: DiagnosticSink {
    private let next: DiagnosticSink
    private let state = Mutex<Diagnostic.Severity?>(nil)

    init(forwardingTo next: DiagnosticSink) {
        self.next = next
    }

    func report(_ diagnostic: Diagnostic) {
        state.withLock { $0 = max($0 ?? diagnostic.severity, diagnostic.severity) }
        next.report(diagnostic)
    }

    var worst: Diagnostic.Severity? { state.withLock { $0 } }
}
