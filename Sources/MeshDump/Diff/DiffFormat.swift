import MeshDumpCore

/// How a diff is printed: `text` for people, `json` for programs, `unified` (git-style, of each
/// object's canonical YAML) for review tools, `stat` for an overview.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, unified, stat

    /// Appends the rendering of `result` to `output`. Colour is the caller's decision (the CLI
    /// decides it once, from `--color` and whether standard output is a terminal); `json`
    /// ignores it.
    public func render(_ result: DiffResult, colored: Bool, to output: inout [UInt8]) throws {
        let palette = colored ? DiffPalette.ansi : DiffPalette.none
        switch self {
        case .text: try TextDiffRenderer(palette: palette).render(result, to: &output)
        case .json: try JSONDiffRenderer().render(result, to: &output)
        case .unified: try UnifiedDiffRenderer(palette: palette).render(result, to: &output)
        case .stat: StatDiffRenderer(palette: palette).render(result, to: &output)
        }
    }

    /// The rendering of `result` as bytes.
    public func render(_ result: DiffResult, colored: Bool = false) throws -> [UInt8] {
        var output: [UInt8] = []
        try render(result, colored: colored, to: &output)
        return output
    }
}

/// The ANSI colours of diff output, or none: added green, removed red, changed yellow, hunk
/// headers cyan, file headers bold (git's colours).
struct DiffPalette: Sendable {
    var added: String
    var removed: String
    var changed: String
    var hunk: String
    var header: String
    var reset: String

    static let none = DiffPalette(added: "", removed: "", changed: "", hunk: "", header: "", reset: "")
    static let ansi = DiffPalette(added: "\u{1B}[32m", removed: "\u{1B}[31m", changed: "\u{1B}[33m",
                                  hunk: "\u{1B}[36m", header: "\u{1B}[1m", reset: "\u{1B}[0m")

    /// `text` in `color` (a field of this palette), or as it is when colour is off.
    func paint(_ text: String, _ color: String) -> String {
        color.isEmpty ? text : color + text + reset
    }
}

extension Array where Element == UInt8 {
    /// Appends a line and its line break.
    mutating func appendLine(_ line: String) {
        append(contentsOf: line.utf8)
        append(0x0A)
    }
}
