/// A problem found while running a command, with where it was found.
///
/// Recoverable problems are diagnostics sent to a `DiagnosticSink`; what cannot be recovered is
/// thrown. A command's exit code comes from the worst severity it reported.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: Int, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    public var severity: Severity
    public var message: String
    public var origin: Origin?
    /// A field inside the object (`spec.http[0].route`), when the problem is about one.
    public var fieldPath: FieldPath?

    public init(_ severity: Severity, _ message: String, origin: Origin? = nil, fieldPath: FieldPath? = nil) {
        self.severity = severity
        self.message = message
        self.origin = origin
        self.fieldPath = fieldPath
    }

    /// `origin: severity: message (at fieldPath)`, as compilers print.
    public var description: String {
        var s = ""
        if let origin { s += "\(origin): " }
        s += "\(severity): \(message)"
        if let fieldPath { s += " (at \(fieldPath))" }
        return s
    }
}

/// Receives diagnostics: the terminal, or a collection in tests.
public protocol DiagnosticSink: Sendable {
    func report(_ diagnostic: Diagnostic)
}
