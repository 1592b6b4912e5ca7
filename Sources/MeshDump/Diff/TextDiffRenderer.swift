import MeshDumpCore

/// `--output text`: per object a header (`~ VirtualService team-a/reviews`, `+ …` added,
/// `- …` removed, `~ DestinationRule team-001/x → orders/x` renamed), under a changed or
/// renamed object one line per change (`~ path: old → new`,
/// `+ path: value`, `- path: value`), larger values as indented YAML, multi-line strings and
/// values that change type as a line diff; then the summary line.
struct TextDiffRenderer {
    var palette: DiffPalette

    /// Indentation of the lines of a block under its change.
    static let blockIndent = "      "

    func render(_ result: DiffResult, to output: inout [UInt8]) throws {
        for object in result.objects {
            switch object.status {
            case .added: output.appendLine(palette.paint("+ \(object.id)", palette.added))
            case .removed: output.appendLine(palette.paint("- \(object.id)", palette.removed))
            case .changed, .renamed:
                output.appendLine(palette.paint("~ \(object.title)", palette.changed))
                for change in object.changes { try render(change, to: &output) }
            }
        }
        output.appendLine(result.summary)
    }

    func render(_ change: FieldChange, to output: inout [UInt8]) throws {
        let path = change.path.description
        switch change.edit {
        case .added(let value):
            try renderWhole(value, mark: "+", path: path, color: palette.added, to: &output)
        case .removed(let value):
            try renderWhole(value, mark: "-", path: path, color: palette.removed, to: &output)
        case .reordered(let old, let new):
            output.appendLine("  \(palette.paint("~", palette.changed)) \(path): order "
                + palette.paint(old.joined(separator: ", "), palette.removed) + " → "
                + palette.paint(new.joined(separator: ", "), palette.added))
        case .changed(let old, let new):
            if !Self.isMultiLine(old), !Self.isMultiLine(new), let a = ValueText.inline(old), let b = ValueText.inline(new) {
                output.appendLine("  \(palette.paint("~", palette.changed)) \(path): "
                    + palette.paint(a, palette.removed) + " → " + palette.paint(b, palette.added))
                return
            }
            let hunks = LineDiff.hunks(try ValueText.block(old), try ValueText.block(new))
            guard !hunks.isEmpty else {
                // Only a final line break differs: show both strings quoted.
                output.appendLine("  \(palette.paint("~", palette.changed)) \(path): "
                    + palette.paint(Self.quoted(old), palette.removed) + " → " + palette.paint(Self.quoted(new), palette.added))
                return
            }
            output.appendLine("  \(palette.paint("~", palette.changed)) \(path):")
            for hunk in hunks { render(hunk, to: &output) }
        }
    }

    /// An added or removed field: its value on the line, or as a block below it.
    private func renderWhole(_ value: Value, mark: String, path: String, color: String, to output: inout [UInt8]) throws {
        if let text = ValueText.inline(value) {
            output.appendLine(palette.paint("  \(mark) \(path): \(text)", color))
            return
        }
        output.appendLine(palette.paint("  \(mark) \(path):", color))
        for line in try ValueText.block(value) {
            output.appendLine(palette.paint(Self.blockIndent + line, color))
        }
    }

    private func render(_ hunk: LineDiff.Hunk, to output: inout [UInt8]) {
        output.appendLine(Self.blockIndent + palette.paint(hunk.header, palette.hunk))
        for line in hunk.lines {
            switch line.op {
            case .equal: output.appendLine(Self.blockIndent + " " + line.text)
            case .delete: output.appendLine(Self.blockIndent + palette.paint("-" + line.text, palette.removed))
            case .insert: output.appendLine(Self.blockIndent + palette.paint("+" + line.text, palette.added))
            }
        }
    }

    private static func isMultiLine(_ value: Value) -> Bool {
        value.stringValue?.contains("\n") ?? false
    }

    private static func quoted(_ value: Value) -> String {
        value.stringValue.map(FieldPath.quoted) ?? ValueText.inline(value) ?? value.typeName
    }
}
