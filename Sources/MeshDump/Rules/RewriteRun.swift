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
        let tracker = SeverityTracker(forwardingTo: diagnostics)
        let stage = RuleStage(rules: rules, diagnostics: tracker)
        let writer = try TreeWriter(root: output, layout: TreeLayout(), force: force)
        do {
            try FileObjectSource(paths: inputs).forEach { object in
                if let rewritten = stage.apply(object) { try writer.write(rewritten) }
            }
        } catch {
            writer.abort()
            throw error
        }
        for diagnostic in stage.report.unmatched(strict: strict) { tracker.report(diagnostic) }
        guard tracker.worst != .error else {
            writer.abort()
            return Result(report: stage.report, written: false, worstSeverity: tracker.worst)
        }
        try writer.commit()
        return Result(report: stage.report, written: true, worstSeverity: tracker.worst)
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
