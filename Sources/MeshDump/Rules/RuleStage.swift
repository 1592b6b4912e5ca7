import MeshDumpCore

/// The rewrite stage: per-object rules, then the mesh-wide mappings, on each object.
///
/// An `ObjectStage`, safe to call from several tasks at once (export runs it between neat and
/// the tree writer); its `report` gathers the counts. Rules run in file order, each seeing the
/// object as the rules before it left it, all before the mappings; a dropped object goes no
/// further. Problems go to `diagnostics`: a failing patch is an error (the rule is skipped for
/// that object), a string that mentions a mapped name without being a reference meshdump
/// understands is a warning. At the end, rules and mapping entries that matched nothing are
/// warnings, or errors when `strict` (a misspelt namespace is the classic migration bug).
public struct RuleStage: ObjectStage {
    public let rules: RuleSet
    public let strict: Bool
    public let report: RuleReport
    private let mesh: MeshRewriter
    private let diagnostics: DiagnosticSink

    public init(rules: RuleSet, strict: Bool = false, diagnostics: DiagnosticSink) {
        self.rules = rules
        self.strict = strict
        mesh = MeshRewriter(rules)
        report = RuleReport(rules: rules, entries: mesh.entries)
        self.diagnostics = diagnostics
    }

    public func apply(_ object: Object) -> Object? {
        var object = object
        var tally = ObjectTally(entryFields: Array(repeating: 0, count: mesh.entries.count))
        defer { report.record(tally) }
        for (i, rule) in rules.rules.enumerated() {
            let outcome = rule.apply(to: &object)
            switch outcome {
            case .notMatched: continue
            case .dropped:
                tally.rules.append((i, outcome))
                tally.dropped = true
                return nil
            case .changed: tally.changed = true
            case .failed(let message):
                diagnostics.report(Diagnostic(.error, "\(object.id): rule \"\(rule.name)\": \(message); the rule was not applied", origin: object.origin))
            case .unchanged, .skippedByTest: break
            }
            tally.rules.append((i, outcome))
        }
        guard !mesh.isEmpty else { return object }
        let rewrite = mesh.rewrite(&object, tally: &tally.entryFields)
        if !rewrite.edited.isEmpty { tally.changed = true }
        let id = object.id
        for (path, message) in rewrite.mentions {
            diagnostics.report(Diagnostic(.warning, "\(id): \(message)", origin: object.origin, fieldPath: path))
        }
        mesh.scanner.scan(object.value, skipping: rewrite.edited + rewrite.mentions.map(\.path)) { path, name in
            diagnostics.report(Diagnostic(.warning, "\(id): mentions \(name); not rewritten", origin: object.origin, fieldPath: path))
        }
        return object
    }

    public func finish() {
        for diagnostic in report.unmatched(strict: strict) { diagnostics.report(diagnostic) }
    }
}
