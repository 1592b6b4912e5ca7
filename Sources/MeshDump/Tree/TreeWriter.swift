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
/// syncs it to disk and swaps it in for the old tree in one rename, so readers see the old tree
/// or the new one, never a mix, and objects deleted since the last export disappear. Until then
/// the old tree is untouched; `abort()`, a failed commit, a signal (through `StagingRegistry`)
/// or the next run after a crash removes the staging folder. The target is checked first
/// (`TreeTarget`): what cannot work is refused before anything is written. The marker file
/// lists every file written (`TreeManifest`), so a later run can tell the user's files from
/// meshdump's; top-level dot entries of the old tree (`.git`) are kept. Secrets are written
/// with mode 0600, and the marker of a tree holding any says so. Safe to call from several tasks.
public final class TreeWriter: ObjectSink {
    /// The file that marks a directory as a meshdump tree.
    public static let markerName = ".meshdump"

    /// The folder the tree goes to (a symbolic link resolved).
    public let root: String
    public let layout: TreeLayout
    private let staging: StagingFolder
    private let state = Mutex(State())

    /// The folders made so far, where objects read from files came from (for a clash
    /// message), and the manifest not yet flushed; objects from a cluster leave nothing behind,
    /// so a cluster's export keeps flat memory however big it is.
    private struct State {
        var directories: Set<String> = []
        var fileOrigins: [String: String] = [:]
        var manifest: [UInt8] = Array(TreeManifest.header.utf8)
        var marker: Int32 = -1
        var count = 0
        var holdsSecrets = false
        var finished = false
    }

    /// Prepares a tree at `root`; throws `TreeError` for a target that cannot work (see
    /// `TreeTarget`), `force` allowing a folder meshdump did not write.
    public init(root: String, layout: TreeLayout = TreeLayout(), force: Bool = false) throws {
        let target = try TreeTarget(root, force: force)
        self.root = target.root
        self.layout = layout
        StagingFolder.discardStale(target: target.root, parent: target.parent, base: target.base)
        staging = target.stagingFolder
        StagingRegistry.add(staging)  // before the folder exists, so no signal can miss it
        try FileSystem.removeTree(staging.path)
        try FileSystem.makeDirectories(staging.path)
        let marker = open(staging.path + "/" + Self.markerName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard marker >= 0 else {
            let error = InputError(path: staging.path + "/" + Self.markerName, errno: errno)
            discard()
            throw error
        }
        state.withLock { $0.marker = marker }
    }

    /// Writes one object (under `folder` when given). Throws, naming the object, when its path
    /// is unsafe or another object already took it.
    public func write(_ object: Object, folder: String? = nil) throws {
        let relative = try layout.relativePath(of: object, folder: folder)
        let directory = String(relative[..<relative.lastIndex(of: "/")!])
        let isSecret = object.kind == "Secret" && object.group.isEmpty
        var contents: [UInt8] = []
        try layout.format.write(object.value, isFirst: true, to: &contents)
        try state.withLock { state throws(InputError) in
            // Made under the lock, so no task writes into a folder another is still making.
            if state.directories.insert(directory).inserted { try FileSystem.makeDirectories(directory, in: staging.path) }
        }
        do {
            try FileSystem.createFile(staging.path + "/" + relative, contents: contents, mode: isSecret ? 0o600 : 0o644)
        } catch {
            guard error.code == EEXIST else { throw error }
            let firstOrigin = state.withLock { $0.fileOrigins[relative] }
            throw ObjectError(origin: object.origin, message: "\(object.id) would be written to \(relative), which "
                              + Self.occupant(of: staging.path + "/" + relative) + (firstOrigin.map { " (\($0))" } ?? "") + " already took")
        }
        try state.withLock { state throws(InputError) in
            state.count += 1
            if isSecret { state.holdsSecrets = true }
            try Self.record(relative, in: &state, staging: staging)
            if case .cluster = object.origin { return }
            state.fileOrigins[relative] = object.origin.description
        }
    }

    /// How many objects were written.
    public var count: Int { state.withLock { $0.count } }

    /// Whether a Secret was written.
    public var holdsSecrets: Bool { state.withLock { $0.holdsSecrets } }

    public var destination: String { root + "/" }

    /// Whether the tree there now holds objects (anything but dot entries).
    public var holdsObjects: Bool {
        ((try? FileSystem.entries(root)) ?? nil)?.contains { !$0.hasPrefix(".") } ?? false
    }

    /// The object already written to a file, for a message (read back rather than remembered,
    /// so memory does not grow with the tree).
    private static func occupant(of path: String) -> String {
        guard let bytes = try? InputBytes.read(path: path), let object = try? ObjectDecoder(bytes).next() else { return "another object" }
        return object.id.description
    }

    /// Adds a file to the manifest, flushing it to the marker now and then.
    private static func record(_ relative: String, in state: inout State, staging: StagingFolder) throws(InputError) {
        state.manifest.append(contentsOf: relative.utf8)
        state.manifest.append(UInt8(ascii: "\n"))
        if state.manifest.count >= 1 << 16 { try flush(&state, staging: staging) }
    }

    private static func flush(_ state: inout State, staging: StagingFolder) throws(InputError) {
        try FileSystem.writeAll(state.marker, state.manifest, path: staging.path + "/" + markerName)
        state.manifest.removeAll(keepingCapacity: true)
    }

    /// Puts the new tree in place of the old one. `keeping` names kinds (by folder and
    /// resource) whose files in the old tree stay as they were, instead of what was written for
    /// them (kinds that failed in a partial export). On any failure the old tree stays and the
    /// staging folder is gone.
    public func commit(keeping kept: [KeptKind] = []) throws {
        try finish()
        do {
            let (replaced, keptFiles) = try keepOldFiles(of: kept)
            try state.withLock { state throws(InputError) in
                try Self.flush(&state, staging: staging)
                close(state.marker)
                state.marker = -1
            }
            let secrets = holdsSecrets || keptFiles.contains { $0.hasPrefix("secrets/") || $0.contains("/secrets/") }
            try TreeManifest.sort(staging.path + "/" + Self.markerName, dropping: replaced, adding: keptFiles, holdsSecrets: secrets)
            try FileSystem.syncFileSystem(of: staging.path)
            try swap()
        } catch {
            discard()
            throw error
        }
        StagingRegistry.remove(staging)
    }

    /// Replaces what was written for each kept kind with the old tree's files (hard links);
    /// returns the folders replaced and the files kept, for the manifest.
    private func keepOldFiles(of kept: [KeptKind]) throws -> (replaced: [String], kept: [String]) {
        guard !kept.isEmpty else { return ([], []) }
        var replaced: [String] = [], keptFiles: [String] = []
        for kind in kept {
            let prefix = kind.folder.map { $0 + "/" } ?? ""
            let namespaces = Set(try FileSystem.entries(root + "/" + prefix) ?? []).union(try FileSystem.entries(staging.path + "/" + prefix) ?? [])
            for namespace in namespaces.sorted() where !namespace.hasPrefix(".") {
                let folder = prefix + namespace + "/" + kind.resource
                try FileSystem.removeTree(staging.path + "/" + folder)
                replaced.append(folder)
                guard FileKind(path: root + "/" + folder, followingLinks: false) == .directory else { continue }
                for file in try FileSystem.files(below: root + "/" + folder) {
                    let relative = folder + "/" + file
                    try FileSystem.makeDirectories(String(relative[..<relative.lastIndex(of: "/")!]), in: staging.path)
                    try FileSystem.link(root + "/" + relative, staging.path + "/" + relative)
                    keptFiles.append(relative)
                }
            }
        }
        return (replaced, keptFiles)
    }

    /// The swap itself: the old tree's top-level dot entries move into the new one first.
    private func swap() throws {
        if FileKind(path: root) != .directory {
            let parent = String(root[..<(root.lastIndex(of: "/") ?? root.startIndex)])
            if !parent.isEmpty { try FileSystem.makeDirectories(parent) }
            do {
                return try FileSystem.rename(staging.path, root)
            } catch {
                // Another export made the tree meanwhile: replace it as any tree.
                guard FileKind(path: root) == .directory else { throw error }
            }
        }
        for name in try FileSystem.entries(root) ?? [] where name.hasPrefix(".") && name != Self.markerName {
            try FileSystem.rename(root + "/" + name, staging.path + "/" + name)
        }
        if FileSystem.exchange(staging.path, root) {
            try FileSystem.removeTree(staging.path)  // now holds the old tree
            return
        }
        let old = staging.path + "-old"
        try FileSystem.rename(root, old)
        do {
            try FileSystem.rename(staging.path, root)
        } catch {
            try? FileSystem.rename(old, root)
            throw error
        }
        try FileSystem.removeTree(old)
    }

    /// Throws away everything written; the old tree stays as it was.
    public func abort() {
        guard (try? finish()) != nil else { return }
        discard()
    }

    private func discard() {
        state.withLock { state in
            if state.marker >= 0 { close(state.marker) }
            state.marker = -1
        }
        staging.discard()
        StagingRegistry.remove(staging)
    }

    private func finish() throws {
        let alreadyFinished = state.withLock { state in
            defer { state.finished = true }
            return state.finished
        }
        if alreadyFinished { throw TreeError.finished }
    }

    deinit {
        if !state.withLock({ $0.finished }) { discard() }
    }
}

/// Why a tree cannot be written.
public enum TreeError: Error, Sendable, Equatable, CustomStringConvertible {
    case notATree(String)
    case notADirectory(String)
    case unusable(String, String)
    case foreignFiles(String, [String])
    case finished

    public var description: String {
        switch self {
        case .notATree(let path): "\(path) is a non-empty directory that meshdump did not write; choose another folder or pass --force to replace it"
        case .notADirectory(let path): "\(path) exists and is not a directory"
        case .unusable(let path, let why): "\(path.isEmpty ? "\"\"" : path) \(why)"
        case .foreignFiles(let path, let files):
            "\(path) holds files meshdump did not write, which replacing the tree would delete: "
                + files.prefix(5).joined(separator: ", ") + (files.count > 5 ? " and \(files.count - 5) more" : "")
                + "; move them out or pass --force (top-level dot entries such as .git are kept)"
        case .finished: "the tree was already committed or aborted"
        }
    }
}
