import MeshDumpCore

/// The marker file of a tree (`.meshdump`): a first line that says what wrote the folder (and
/// whether it holds Secrets), then the path of every file meshdump wrote, one per line, so a
/// later run can tell the user's own files from its own. Written as the tree is, so memory stays
/// flat however big the tree.
struct TreeManifest {
    static let header = "written by meshdump; a re-export replaces this whole folder (files listed below)\n"
    /// The first line of a tree that holds Secrets.
    static let secretsHeader = "written by meshdump; HOLDS SECRETS (files of mode 0600: keep this folder private); "
        + "a re-export replaces this whole folder (files listed below)\n"
    /// The most a marker is read: far more than any tree's list (a million files take about 100 MB).
    static let sizeLimit = 1 << 30

    /// The files listed in the marker at `path`, or nil when it lists none (a tree written
    /// before markers held a list, or no marker at all).
    static func read(_ path: String) -> Set<String>? {
        guard let bytes = try? InputBytes.readAll(path: path, limit: sizeLimit) else { return nil }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first, [header, secretsHeader].contains(String(decoding: first, as: UTF8.self) + "\n") else { return nil }
        return Set(lines.dropFirst().map { String(decoding: $0, as: UTF8.self) })
    }

    /// Sorts the listed files in byte order (they were listed as written, in whatever order the
    /// tasks finished), so the same tree always has the same marker; files under `dropped`
    /// folders are left out and `added` files put in (a partial export's kept kinds); the first
    /// line says whether the tree holds Secrets.
    static func sort(_ path: String, dropping dropped: [String] = [], adding added: [String] = [], holdsSecrets: Bool = false) throws(InputError) {
        let bytes = try InputBytes.readAll(path: path, limit: sizeLimit)
        let prefixes = dropped.map { Array(($0 + "/").utf8) }
        let lines = (bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).dropFirst().map(Array.init)
            .filter { line in !prefixes.contains { line.starts(with: $0) } } + added.map { Array($0.utf8) })
            .sorted { $0.lexicographicallyPrecedes($1) }
        var sorted = Array((holdsSecrets ? secretsHeader : header).utf8)
        for line in lines {
            sorted += line
            sorted.append(UInt8(ascii: "\n"))
        }
        try FileSystem.removeTree(path)
        try FileSystem.createFile(path, contents: sorted)
    }
}
