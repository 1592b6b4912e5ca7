import Synchronization

/// Keeps every diagnostic reported to it, and the worst severity seen.
public final class DiagnosticCollector: DiagnosticSink {
    private let storage = Mutex<[Diagnostic]>([])

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    public var diagnostics: [Diagnostic] { storage.withLock { $0 } }

    /// The worst severity reported, or nil when nothing was.
    public var worstSeverity: Diagnostic.Severity? { diagnostics.map(\.severity).max() }
}
