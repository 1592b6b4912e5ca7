import MeshDumpCore

/// `--output stat`: one line per object that differs, its identity padded so the second column
/// lines up (`~ VirtualService team-a/reviews | 3 changes`, `+ … | added`,
/// `~ DestinationRule team-001/x → orders/x | renamed, 1 change`), then the summary.
struct StatDiffRenderer {
    var palette: DiffPalette

    func render(_ result: DiffResult, to output: inout [UInt8]) {
        let names = result.objects.map(\.title)
        let width = names.map(\.count).max() ?? 0
        for (object, name) in zip(result.objects, names) {
            let padded = name + String(repeating: " ", count: width - name.count)
            let line: String
            switch object.status {
            case .added: line = palette.paint("+ \(padded) | added", palette.added)
            case .removed: line = palette.paint("- \(padded) | removed", palette.removed)
            case .changed:
                line = palette.paint("~", palette.changed) + " \(padded) | \(Self.count(object.changes))"
            case .renamed:
                line = palette.paint("~", palette.changed) + " \(padded) | renamed" + (object.changes.isEmpty ? "" : ", \(Self.count(object.changes))")
            }
            output.appendLine(line)
        }
        output.appendLine(result.summary)
    }

    private static func count(_ changes: [FieldChange]) -> String {
        changes.count == 1 ? "1 change" : "\(changes.count) changes"
    }
}
