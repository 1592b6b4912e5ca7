import MeshDumpCore

/// `--output unified`: a git-style unified diff of each differing object's canonical YAML (as
/// `kubectl get -o yaml` writes it), under the path export gives it
/// (`a/team-a/virtualservices/reviews.yaml`), so review tools and `git apply` read it. Added
/// objects come from `/dev/null`, removed ones go to it; a renamed object is a git rename
/// (`similarity index`, `rename from`, `rename to`) with the changes of its file.
struct UnifiedDiffRenderer {
    var palette: DiffPalette
    static let context = 3

    func render(_ result: DiffResult, to output: inout [UInt8]) throws {
        for object in result.objects {
            let oldPath = Self.path(of: object.oldID ?? object.id)
            let path = Self.path(of: object.id)
            let oldYAML = try object.old.map { try YAMLWriter.string($0.value) } ?? ""
            let newYAML = try object.new.map { try YAMLWriter.string($0.value) } ?? ""
            let hunks = LineDiff.hunks(LineDiff.lines(Substring(oldYAML)), LineDiff.lines(Substring(newYAML)), context: Self.context)
            // Values that differ only where YAML cannot show it (an integer and a float with
            // the same text) have no lines to show; a rename always has its header.
            if hunks.isEmpty && object.status != .renamed { continue }
            header("diff --git a/\(oldPath) b/\(path)", to: &output)
            switch object.status {
            case .added: header("new file mode 100644", to: &output)
            case .removed: header("deleted file mode 100644", to: &output)
            case .renamed:
                header("similarity index \(object.similarity ?? 0)%", to: &output)
                header("rename from \(oldPath)", to: &output)
                header("rename to \(path)", to: &output)
            case .changed: break
            }
            if hunks.isEmpty { continue }
            header(object.old == nil ? "--- /dev/null" : "--- a/\(oldPath)", to: &output)
            header(object.new == nil ? "+++ /dev/null" : "+++ b/\(path)", to: &output)
            for hunk in hunks {
                output.appendLine(palette.paint(hunk.header, palette.hunk))
                for line in hunk.lines {
                    switch line.op {
                    case .equal: output.appendLine(" " + line.text)
                    case .delete: output.appendLine(palette.paint("-" + line.text, palette.removed))
                    case .insert: output.appendLine(palette.paint("+" + line.text, palette.added))
                    }
                }
            }
        }
    }

    private func header(_ line: String, to output: inout [UInt8]) {
        output.appendLine(palette.paint(line, palette.header))
    }

    /// `<namespace>/<resource>/<name>.yaml` (`_cluster/…` when cluster-scoped): where export
    /// writes the object, whatever file it was read from.
    static func path(of id: ObjectID) -> String {
        TreeLayout().relativePath(of: id)
    }
}
