import ArgumentParser
import MeshDump
import MeshDumpCore

/// `--rules` and `--strict`: the rewrite stage of export, rewrite and apply.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules file (kind: Rules; see `\(Invocation.commandName) help rules`). Repeatable; applied in order.",
                                                           valueName: "file"), completion: .file())
    var files: [String] = []

    @Flag(help: "Make a rule or mapping entry that matched nothing an error, not a warning.")
    var strict = false

    /// The rule stage, or nil without `--rules`; throws `RulesFileError` naming file:line:col.
    func stage(diagnostics: DiagnosticSink) throws -> RuleStage? {
        files.isEmpty ? nil : RuleStage(rules: try RuleSet.load(paths: files), strict: strict, diagnostics: diagnostics)
    }
}
