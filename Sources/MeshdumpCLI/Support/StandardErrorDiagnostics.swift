import MeshDumpCore

/// Prints diagnostics as `meshdump: warning: …` on standard error.
struct StandardErrorDiagnostics: DiagnosticSink {
    func report(_ diagnostic: Diagnostic) {
        Terminal.standardError.write("meshdump: \(diagnostic)\n")
    }
}
