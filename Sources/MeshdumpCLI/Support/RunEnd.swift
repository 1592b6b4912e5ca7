import MeshDumpCore

/// How every subcommand that ran to its end exits (STYLE.md: exit codes come from what was
/// reported): 1 when an error was reported to the run's diagnostics, or when its result is a
/// failure of its own kind (trees that differ, findings at `--fail-on`, objects not applied,
/// kinds not exported, nothing written); else 0. A run that cannot go on ends earlier, through
/// `fail`, with 2 for usage and configuration errors.
enum RunEnd {
    /// The exit status of a run whose diagnostics went to `diagnostics`.
    static func status(_ diagnostics: DiagnosticCollector, failed: Bool = false) -> Int32 {
        failed || diagnostics.worstSeverity == .error ? 1 : 0
    }

    /// Exits with `status(diagnostics, failed:)`.
    static func exit(_ diagnostics: DiagnosticCollector, failed: Bool = false) -> Never {
        Terminal.exit(status(diagnostics, failed: failed))
    }
}
