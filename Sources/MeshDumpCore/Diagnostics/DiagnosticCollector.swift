import Synchronization

/// A run's diagnostics sink: counts every diagnostic by severity and remembers the worst, so
/// the command's exit status comes from what was reported.
///
/// Made with a printer, it passes each diagnostic on as it comes and keeps only the counts (a
/// long run does not hold its warnings); made without one, it keeps every diagnostic, for tests
/// and for callers that print them later.
public final class DiagnosticCollector: DiagnosticSink {
    private struct State {
        var kept: [Diagnostic] = []
        var counts: [Diagnostic.Severity: Int] = [:]
    }

    private let printer: (any DiagnosticSink)?
    private let state = Mutex(State())

    /// Keeps every diagnostic.
    public init() {
        printer = nil
    }

    /// Passes every diagnostic to `printer` and keeps only the counts.
    public init(forwardingTo printer: any DiagnosticSink) {
        self.printer = printer
    }

    public func report(_ diagnostic: Diagnostic) {
        state.withLock { state in
            state.counts[diagnostic.severity, default: 0] += 1
            if printer == nil { state.kept.append(diagnostic) }
        }
        printer?.report(diagnostic)
    }

    /// The diagnostics kept (none when they were forwarded to a printer).
    public var diagnostics: [Diagnostic] { state.withLock { $0.kept } }

    /// How many diagnostics of this severity were reported.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        state.withLock { $0.counts[severity] ?? 0 }
    }

    /// The worst severity reported, or nil when nothing was.
    public var worstSeverity: Diagnostic.Severity? { state.withLock { $0.counts.keys.max() } }

    /// Whether an error was reported: the run failed, whatever else it did.
    public var hasErrors: Bool { count(.error) > 0 }
}
