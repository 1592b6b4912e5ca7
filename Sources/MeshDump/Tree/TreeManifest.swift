import MeshDumpCore

/// The marker file of a tree (`.meshdump`): a first line that says what wrote the folder, then
/// the path of every file meshdump wrote, one per line, so a later run can tell the user's own
/// files from its own. Written as the tree is, so memory stays flat however big the tree.
struct TreeManifest {
    static let header = "written by meshdump; a re-export replaces this whole folder (files listed below)\n"

    /// The files listed in the marker at `path`, or nil when it lists none (a tree written
    /// before markers held a list, or no marker at all).
    static func read(_ path: String) -> Set<String>? {
        guard let bytes = try? InputBytes.read(path: path) else { return nil }
        let lines = bytes.buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first, String(decoding: first, as: UTF8.self) + "\n" == header else { return nil }
        return Set(lines.dropFirst().map { String(decoding: $0, as: UTF8.self) })
    }

    /// Sorts the listed files in byte order (they were listed as written, in whatever order the
    /// tasks finished), so the same tree always has the same marker; files under `dropped`
    /// folders are left out and `added` files put in (a partial export's kept kinds).
    static func sort(_ path: String, dropping dropped: [String] = [], adding added: [String] = []) throws(InputError) {
        let bytes = try InputBytes.read(path: path)
        let prefixes = dropped.map { Array(($0 + "/").utf8) }
        let lines = (bytes.buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).dropFirst().map(Array.init)
            .filter { line in !prefixes.contains { line.starts(with: $0) } } + added.map { Array($0.utf8) })
            .sorted { $0.lexicographicallyPrecedes($1) }
        var sorted = Array(header.utf8)
        for line in lines {
            sorted += line
            sorted.append(UInt8(ascii: "\n"))
        }
        try FileSystem.removeTree(path)
        try FileSystem.createFile(path, contents: sorted)
    }
}
