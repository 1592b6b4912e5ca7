#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore
import Synchronization

/// Writes objects into a meshdump tree atomically.
///
/// Files go into a staging folder beside the target (`.DIR.meshdump-staging-PID`); `commit()`
/// swaps it in for the old tree in one rename, so readers see the old tree or the new one, never
/// a mix, and objects deleted since the last export disappear. Until then the old tree is
/// untouched; `abort()` (or a failure) removes the staging folder. A target that is a non-empty
/// directory meshdump did not write is refused unless forced. Safe to call from several tasks.
public final class TreeWriter: Sendable {
    /// The file that marks a directory as a meshdump tree.
    public static let markerName = ".meshdump"

    public let root: String
    public let layout: TreeLayout
    private let staging: String
    private let state = Mutex(State())

    /// The folders made so far, and where objects read from files came from (for a clash
    /// message); objects from a cluster leave nothing behind, so a cluster's export keeps flat
    /// memory however big it is.
    private struct State {
        var directories: Set<String> = []
        var fileOrigins: [String: String] = [:]
        var count = 0
        var finished = false
    }

    /// Prepares a tree at `root`. Throws when `root` exists, is not empty and has no marker,
    /// unless `force`.
    public init(root: String, layout: TreeLayout = TreeLayout(), force: Bool = false) throws {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.layout = layout
        if let entries = try FileSystem.entries(root), !entries.isEmpty, !entries.contains(Self.markerName), !force {
            throw TreeError.notATree(root)
        }
        if FileKind(path: root) == .file { throw TreeError.notADirectory(root) }
        let parentEnd = root.lastIndex(of: "/")
        let parent = parentEnd.map { String(root[..<$0]) } ?? "."
        let base = parentEnd.map { String(root[root.index(after: $0)...]) } ?? root
        staging = (parent.isEmpty ? "" : parent + "/") + "." + base + ".meshdump-staging-\(getpid())"
        try FileSystem.removeTree(staging)
        try FileSystem.makeDirectories(staging)
    }

    /// Writes one object (under `folder` when given). Throws, naming the object, when its path
    /// is unsafe or another object already took it.
    public func write(_ object: Object, folder: String? = nil) throws {
        let relative = try layout.relativePath(of: object, folder: folder)
        let directory = String(relative[..<relative.lastIndex(of: "/")!])
        var contents: [UInt8] = []
        try layout.format.write(object.value, isFirst: true, to: &contents)
        let needsDirectory = state.withLock { $0.directories.insert(directory).inserted }
        if needsDirectory { try FileSystem.makeDirectories(staging + "/" + directory) }
        do {
            try FileSystem.createFile(staging + "/" + relative, contents: contents)
        } catch {
            guard error.code == EEXIST else { throw error }
            let firstOrigin = state.withLock { $0.fileOrigins[relative] }
            throw ObjectError(origin: object.origin, message: "\(object.id) would be written to \(relative), which "
                              + Self.occupant(of: staging + "/" + relative) + (firstOrigin.map { " (\($0))" } ?? "") + " already took")
        }
        state.withLock { state in
            state.count += 1
            if case .cluster = object.origin { return }
            state.fileOrigins[relative] = object.origin.description
        }
    }

    /// How many objects were written.
    public var count: Int { state.withLock { $0.count } }

    /// The object already written to a file, for a message (read back rather than remembered,
    /// so memory does not grow with the tree).
    private static func occupant(of path: String) -> String {
        guard let bytes = try? InputBytes.read(path: path), let object = try? ObjectDecoder(bytes).next() else { return "another object" }
        return object.id.description
    }

    /// Puts the new tree in place of the old one.
    public func commit() throws {
        try finish()
        try FileSystem.createFile(staging + "/" + Self.markerName, contents: Array("written by meshdump; a re-export replaces this whole folder\n".utf8))
        if FileKind(path: root) == .directory {
            if !FileSystem.exchange(staging, root) {
                let old = staging + "-old"
                try FileSystem.rename(root, old)
                try FileSystem.rename(staging, root)
                try FileSystem.removeTree(old)
                return
            }
            try FileSystem.removeTree(staging)  // now holds the old tree
        } else {
            if let slash = root.lastIndex(of: "/"), slash != root.startIndex {
                try FileSystem.makeDirectories(String(root[..<slash]))
            }
            try FileSystem.rename(staging, root)
        }
    }

    /// Throws away everything written; the old tree stays as it was.
    public func abort() {
        guard (try? finish()) != nil else { return }
        try? FileSystem.removeTree(staging)
    }

    private func finish() throws {
        let alreadyFinished = state.withLock { state in
            defer { state.finished = true }
            return state.finished
        }
        if alreadyFinished { throw TreeError.finished }
    }

    deinit {
        if !state.withLock({ $0.finished }) { try? FileSystem.removeTree(staging) }
    }
}

/// Why a tree cannot be written.
public enum TreeError: Error, Sendable, CustomStringConvertible {
    case notATree(String)
    case notADirectory(String)
    case finished

    public var description: String {
        switch self {
        case .notATree(let path): "\(path) is a non-empty directory that meshdump did not write; choose another folder or pass --force to replace it"
        case .notADirectory(let path): "\(path) exists and is not a directory"
        case .finished: "the tree was already committed or aborted"
        }
    }
}
