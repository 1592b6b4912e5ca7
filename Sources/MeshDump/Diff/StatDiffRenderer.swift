import MeshDumpCore

/// `--output stat`: one line per object that differs, its identity padded so the second column
/// lines up (`~ VirtualService team-a/reviews | 3 changes`, `+ … | added`), then the summary.
struct StatDiffRenderer {
    var palette: DiffPalette

    func render(_ result: DiffResult, to output: inout [UInt8]) {
        let names = result.objects.map { $0.id.description }
        let width = names.map(\.count).max() ?? 0
        for (object, name) in zip(result.objects, names) {
            let padded = name + String(repeating: " ", count: width - name.count)
            let line: String
            switch object.status {
            case .added: line = palette.paint("+ \(padded) | added", palette.added)
            case .removed: line = palette.paint("- \(padded) | removed", palette.removed)
            case .changed:
                let n = object.changes.count
                line = palette.paint("~", palette.changed) + " \(padded) | \(n) \(n == 1 ? "change" : "changes")"
            }
            output.appendLine(line)
        }
        output.appendLine(result.summary)
    }
}
