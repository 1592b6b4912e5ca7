import MeshDumpCore

/// Prints diagnostics as `meshdump: warning: …` on standard error (`kubectl meshdump: …` as a
/// kubectl plugin).
struct StandardErrorDiagnostics: DiagnosticSink {
    func report(_ diagnostic: Diagnostic) {
        Terminal.standardError.write("\(Invocation.commandName): \(diagnostic)\n")
    }
}
