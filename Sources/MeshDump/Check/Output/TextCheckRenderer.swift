/// `-o text`: one line per finding, as a compiler prints them, an object's findings together:
///
/// ```
/// vs.yaml:9:5: error[IST0101]: VirtualService default/httpbin spec.gateways[0]: Referenced gateway not found: "gw". … (ReferencedResourceNotFound, virtualservice.GatewayAnalyzer)
/// ```
/// then a line per skipped analyzer and a count of findings by severity.
struct TextCheckRenderer {
    var palette: CheckPalette

    func render(_ result: CheckResult, to output: inout [UInt8]) {
        for finding in result.findings {
            var line = ""
            if let file = finding.file {
                let position = finding.position.map { ":\($0.line):\($0.column)" } ?? ""
                line += palette.paint(file + position + ":", palette.location) + " "
            }
            line += palette.paint("\(finding.severity.rawValue)[\(finding.code)]:", palette.color(of: finding.severity)) + " "
            line += palette.paint(finding.object.description, palette.location)
            if let field = finding.field { line += " " + field.description }
            line += ": " + finding.message + " (\(finding.name), \(finding.analyzer))"
            output.appendLine(line)
        }
        for skip in result.skipped {
            output.appendLine(palette.paint("skipped", palette.skipped) + " \(skip.analyzer): \(skip.reason)")
        }
        output.appendLine(summary(result))
    }

    /// `2 errors, 1 warning, 0 info in 120 objects (11 analyzers, 1 skipped)`
    private func summary(_ result: CheckResult) -> String {
        let errors = result.count(.error), warnings = result.count(.warning), infos = result.count(.info)
        let skippedAnalyzers = Set(result.skipped.map(\.analyzer)).count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info"
            + " in \(result.objectCount) object\(result.objectCount == 1 ? "" : "s")"
            + " (\(result.analyzerCount) analyzer\(result.analyzerCount == 1 ? "" : "s"), \(skippedAnalyzers) skipped)"
    }
}

/// The ANSI colours of check output, or none: errors red, warnings yellow, info cyan, places
/// bold, skips dim.
struct CheckPalette {
    var error: String
    var warning: String
    var info: String
    var location: String
    var skipped: String
    var reset: String

    static let none = CheckPalette(error: "", warning: "", info: "", location: "", skipped: "", reset: "")
    static let ansi = CheckPalette(error: "\u{1B}[1;31m", warning: "\u{1B}[1;33m", info: "\u{1B}[1;36m",
                                   location: "\u{1B}[1m", skipped: "\u{1B}[2m", reset: "\u{1B}[0m")

    func color(of severity: Finding.Severity) -> String {
        switch severity {
        case .error: error
        case .warning: warning
        case .info: info
        }
    }

    func paint(_ text: String, _ color: String) -> String {
        color.isEmpty ? text : color + text + reset
    }
}
