import MeshDumpCore
import Synchronization

/// `meshdump rewrite`: reads objects from a source (a tree, files, standard input or a
/// cluster), neats them as export does, runs the rule stage on each, and writes the result to
/// a sink: a tree in export's layout, or a stream, atomically.
///
/// Objects stream from the source through the stages into the sink; the tree is swapped in (or
/// the stream printed) only when everything was read and nothing reported an error (a failing
/// patch, or under `strict` a rule or mapping entry that matched nothing). Otherwise the old
/// tree, if any, is untouched.
public struct RewriteRun: Sendable {
    public var source: any ObjectSource
    public var rules: RuleSet
    public var strict: Bool
    /// Neat every object before the rules (`--no-neat` compares and rewrites raw objects).
    public var neat: Bool

    public init(source: any ObjectSource, rules: RuleSet, strict: Bool = false, neat: Bool = true) {
        self.source = source
        self.rules = rules
        self.strict = strict
        self.neat = neat
    }

    /// Refuses to write a tree inside the tree it reads (or onto it, but for `--in-place`): the
    /// walk would read its own output.
    public static func checkOutput(_ output: String, source: String) throws(UsageError) {
        let out = FileSystem.absolutePath(output), src = FileSystem.absolutePath(source)
        if out == src { throw UsageError("-d \(output) is SRC itself: use --in-place to rewrite a tree in place") }
        if out.hasPrefix(src + "/") { throw UsageError("-d \(output) is inside SRC \(source): write the new tree elsewhere") }
    }

    /// Runs the rewrite into `writer`. Throws for what cannot be read or written (nothing is
    /// written then); problems the stage reports go to `diagnostics`, and an error among them
    /// keeps the tree from being written. Returns the rules' report and whether it was written.
    public func run(into writer: any ObjectSink, diagnostics: DiagnosticCollector) async throws -> (report: RuleReport, written: Bool) {
        let report: RuleReport
        do {
            report = try await process(diagnostics: diagnostics) { _, rewritten in
                if let rewritten { try writer.write(rewritten, folder: nil) }
            }
        } catch {
            writer.abort()
            throw error
        }
        guard !diagnostics.hasErrors else {
            writer.abort()
            return (report, false)
        }
        try writer.commit()
        return (report, true)
    }

    /// What `--dry-run` shows: each object compared with what the rules make of it (a moved
    /// object is one change, its `metadata.namespace`; a dropped one is removed), as a
    /// `meshdump diff` result. Nothing is written, but every object's place in the tree is
    /// worked out as the real run would, so the dry run fails where the real run would (two
    /// objects mapped onto one file, a name that cannot be a file).
    public func preview(diagnostics: DiagnosticCollector) async throws -> (diff: DiffResult, report: RuleReport) {
        let differ = ObjectDiffer()
        let layout = TreeLayout()
        let state = Mutex<(differences: [ObjectDiff], unchanged: Int, paths: [String: Origin])>(([], 0, [:]))
        let report = try await process(diagnostics: diagnostics) { original, rewritten in
            guard let rewritten else {
                state.withLock { $0.differences.append(ObjectDiff(id: original.id, status: .removed, old: original, new: nil)) }
                return
            }
            let path = try layout.relativePath(of: rewritten)
            let diff = differ.compare(original, rewritten)
            try state.withLock { state in
                if let first = state.paths.updateValue(rewritten.origin, forKey: path) {
                    throw ObjectError(origin: rewritten.origin,
                                      message: "\(rewritten.id) would be written to \(path), which the object at \(first) already took")
                }
                if let diff { state.differences.append(diff) } else { state.unchanged += 1 }
            }
        }
        let (differences, unchanged, _) = state.withLock { $0 }
        return (DiffResult(objects: differences, unchanged: unchanged), report)
    }

    /// Reads every object, neats it (unless told not to), runs the rules and hands the neat
    /// object and the rules' result to `body`; then reports the rules and entries that matched
    /// nothing.
    private func process(diagnostics: DiagnosticCollector,
                         _ body: @escaping @Sendable (Object, Object?) throws -> Void) async throws -> RuleReport {
        let stage = RuleStage(rules: rules, strict: strict, diagnostics: diagnostics)
        let neat = self.neat ? Neat() : nil
        let request = ReadRequest(droppedFields: self.neat ? Neat.droppedFields : nil)
        try await source.read(request) { object in
            guard let object = neat.map({ $0.apply(object) }) ?? object else { return }
            try body(object, stage.apply(object))
        }.requireComplete(source.name)
        stage.finish()
        return stage.report
    }
}
