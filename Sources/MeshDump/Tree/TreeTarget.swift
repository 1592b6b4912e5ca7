#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// The folder a tree is written to, checked before anything is written: what cannot work is
/// refused up front (exit 2), never found out after a whole export.
///
/// Refused: no name (`""`), the current folder, its parent or `/` (a tree replaces its whole
/// folder), an existing file, a mount point (it cannot be swapped), a symbolic link to nothing.
/// A symbolic link to a folder is followed: the folder it names is replaced and the link kept.
/// A non-empty folder meshdump did not write, or a meshdump tree holding files meshdump did not
/// write (other than top-level dot entries such as `.git`, which are kept), is refused unless
/// forced.
struct TreeTarget {
    /// The folder the tree goes to, with a symbolic link resolved.
    let root: String
    let parent: String
    let base: String

    init(_ path: String, force: Bool) throws(TreeError) {
        var root = path
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        guard !root.isEmpty else { throw TreeError.unusable(path, "names no folder") }
        let last = root.split(separator: "/").last.map(String.init) ?? "/"
        guard root != "/" && last != "." && last != ".." else {
            throw TreeError.unusable(path, "names a folder by . or .. or is /; a tree replaces its whole folder, so give it a name of its own")
        }
        if FileSystem.isSymbolicLink(root) {
            guard let resolved = FileSystem.realPath(root) else { throw TreeError.unusable(path, "is a symbolic link to nothing") }
            root = resolved
        }
        self.root = root
        let slash = root.lastIndex(of: "/")
        parent = slash.map { $0 == root.startIndex ? "/" : String(root[..<$0]) } ?? "."
        base = slash.map { String(root[root.index(after: $0)...]) } ?? root
        switch FileKind(path: root) {
        case .missing: return
        case .file: throw TreeError.notADirectory(path)
        case .directory: break
        }
        if FileSystem.isMountPoint(root) { throw TreeError.unusable(path, "is a mount point, which cannot be replaced; write the tree to a folder inside it") }
        guard !force else { return }
        let entries = (try? FileSystem.entries(root)) ?? []
        guard entries.contains(TreeWriter.markerName) else {
            if !entries.isEmpty { throw TreeError.notATree(path) }
            return
        }
        try Self.refuseForeignFiles(in: root, shown: path)
    }

    /// A tree whose marker lists the files meshdump wrote may hold nothing else but top-level
    /// dot entries (kept across the swap).
    private static func refuseForeignFiles(in root: String, shown: String) throws(TreeError) {
        guard let manifest = TreeManifest.read(root + "/" + TreeWriter.markerName) else { return }
        let present = (try? FileSystem.files(below: root) { $0.hasPrefix(".") }) ?? []
        let foreign = present.filter { !manifest.contains($0) }.sorted()
        if !foreign.isEmpty { throw TreeError.foreignFiles(shown, foreign) }
    }

    var stagingFolder: StagingFolder {
        StagingFolder(target: root, parent: parent, base: base, pid: getpid())
    }
}
