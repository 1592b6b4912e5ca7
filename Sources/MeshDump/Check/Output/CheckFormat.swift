import MeshDumpCore

/// How a check's result is printed: `text` for people, `json` for programs (the stable shape
/// in the README), `sarif` (2.1.0) for code review tools, `secrets` for a script (the Secrets
/// the target needs and the sources lack, one `namespace/name` per line).
public enum CheckFormat: String, Sendable, CaseIterable {
    case text, json, sarif, secrets

    /// Appends the rendering of `result` to `output`. Colour is the caller's decision; only
    /// `text` uses it.
    public func render(_ result: CheckResult, colored: Bool, to output: inout [UInt8]) throws {
        switch self {
        case .text: TextCheckRenderer(palette: colored ? .ansi : .none).render(result, to: &output)
        case .json: try JSONCheckRenderer().render(result, to: &output)
        case .sarif: try SARIFCheckRenderer().render(result, to: &output)
        case .secrets: for secret in result.missingSecrets { output.appendLine(secret) }
        }
    }

    /// The rendering of `result` as bytes.
    public func render(_ result: CheckResult, colored: Bool = false) throws -> [UInt8] {
        var output: [UInt8] = []
        try render(result, colored: colored, to: &output)
        return output
    }
}
