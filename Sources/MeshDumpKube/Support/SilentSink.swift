import MeshDumpCore

/// A diagnostic sink that drops everything (for internal lists whose warnings do not matter).
struct SilentSink: DiagnosticSink {
    func report(_ diagnostic: Diagnostic) {}
}
