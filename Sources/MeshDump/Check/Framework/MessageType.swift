/// A kind of finding: its name, code and severity, as istioctl's message catalogue
/// (`pkg/config/analysis/msg/messages.yaml`) has them for `IST…` codes, or meshdump's own
/// (`MD…`). Each is declared next to the analyzers that emit it.
public struct MessageType: Sendable, Hashable, CustomStringConvertible {
    /// `ReferencedResourceNotFound`
    public let name: String
    /// `IST0101`
    public let code: String
    public let severity: Finding.Severity
    /// One sentence on what the message means (the catalogue's description).
    public let description: String

    public init(name: String, code: String, severity: Finding.Severity, description: String) {
        self.name = name
        self.code = code
        self.severity = severity
        self.description = description
    }

    /// Istio's documentation page for an `IST` code.
    public var helpURI: String? {
        code.hasPrefix("IST") ? "https://istio.io/latest/docs/reference/config/analysis/\(code.lowercased())/" : nil
    }
}
