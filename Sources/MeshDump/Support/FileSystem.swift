#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// The few file system operations the tree writer and the input walk need, as throwing Swift calls.
enum FileSystem {
    // The C calls whose names the methods below reuse.
    #if canImport(Glibc)
    private static let systemRename = Glibc.rename
    private static let systemLink = Glibc.link
    #else
    private static let systemRename = Darwin.rename
    private static let systemLink = Darwin.link
    #endif

    /// Creates `path` and any missing parents.
    static func makeDirectories(_ path: String) throws(InputError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw InputError(path: path, errno: errno) }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw InputError(path: path, errno: errno) }
    }

    /// Creates the folders of `relative` inside `base`, which must exist: unlike
    /// `makeDirectories`, it never makes `base` itself (a staging folder thrown away meanwhile
    /// stays gone).
    static func makeDirectories(_ relative: String, in base: String) throws(InputError) {
        var path = base
        for component in relative.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw InputError(path: path, errno: errno) }
        }
    }

    /// Writes a new file; fails if it exists.
    static func createFile(_ path: String, contents: [UInt8], mode: mode_t = 0o644) throws(InputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw InputError(path: path, errno: errno) }
        defer { close(fd) }
        try writeAll(fd, contents, path: path)
    }

    /// Writes all of `bytes` to an open file (`path` names it in errors).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(InputError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, errno: errno)
            }
            offset += n
        }
    }

    /// The names in a directory (without `.` and `..`), or nil when it does not exist.
    static func entries(_ path: String) throws(InputError) -> [String]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return nil }
            throw InputError(path: path, errno: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a file or a directory and everything in it; a missing path is fine.
    static func removeTree(_ path: String) throws(InputError) {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return }
            throw InputError(path: path, errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for name in try entries(path) ?? [] {
                try removeTree(path + "/" + name)
            }
            guard rmdir(path) == 0 else { throw InputError(path: path, errno: errno) }
        } else {
            guard unlink(path) == 0 else { throw InputError(path: path, errno: errno) }
        }
    }

    static func rename(_ from: String, _ to: String) throws(InputError) {
        guard systemRename(from, to) == 0 else { throw InputError(path: to, errno: errno) }
    }

    /// A second name for a file (cheap: no data is copied).
    static func link(_ existing: String, _ new: String) throws(InputError) {
        guard systemLink(existing, new) == 0 else { throw InputError(path: new, errno: errno) }
    }

    /// The files (not folders) below `directory`, relative to it, without following symbolic
    /// links; `skip` leaves out entries of `directory` itself by name.
    static func files(below directory: String, skip: (String) -> Bool = { _ in false }) throws(InputError) -> [String] {
        var found: [String] = []
        var pending: [(path: String, relative: String)] = [(directory, "")]
        while let (path, relative) = pending.popLast() {
            for name in try entries(path) ?? [] {
                if relative.isEmpty && skip(name) { continue }
                let child = (path: path + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name)
                if FileKind(path: child.path, followingLinks: false) == .directory { pending.append(child) } else { found.append(child.relative) }
            }
        }
        return found
    }

    /// Flushes the file system that holds `path` to its disk (`syncfs`; `sync` where there is
    /// none). Throws when the file system says the flush failed (an I/O error: what was written
    /// may not be on the disk).
    static func syncFileSystem(of path: String) throws(InputError) {
        #if os(Linux)
        // Glibc's Swift module does not export syncfs (a GNU extension); look it up.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, errno: errno) }
        defer { close(fd) }
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return sync() }
        guard unsafeBitCast(symbol, to: SyncFS.self)(fd) == 0 else { throw InputError(path: path, errno: errno) }
        #else
        sync()
        #endif
    }

    /// The absolute path `path` names, symbolic links resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The absolute path `path` would have: links resolved in the part that exists, the rest
    /// appended as given (for a folder not made yet).
    static func absolutePath(_ path: String) -> String {
        if let real = realPath(path) { return real }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var missing: [String] = []
        while let last = parts.popLast() {
            missing.insert(last, at: 0)
            let prefix = (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
            if let real = realPath(prefix.isEmpty ? "." : prefix) {
                return (real == "/" ? "" : real) + "/" + missing.joined(separator: "/")
            }
        }
        return path
    }

    /// Whether `path` is a symbolic link (not followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether the directory `path` is where another file system is mounted (it then cannot be
    /// renamed or replaced).
    static func isMountPoint(_ path: String) -> Bool {
        var st = stat(), parent = stat()
        guard stat(path, &st) == 0, stat(path + "/..", &parent) == 0 else { return false }
        return st.st_dev != parent.st_dev || st.st_ino == parent.st_ino
    }

    /// Whether a process with this id is running (or exists under another user).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Swaps two directories in one step (Linux `renameat2(RENAME_EXCHANGE)`); false when the
    /// system or file system cannot, and the caller falls back to two renames.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // Glibc's Swift module does not export renameat2; look it up in the C library.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}

/// What a path names on disk (following symbolic links unless told not to: a link is then a file).
public enum FileKind {
    case file, directory, missing

    public init(path: String, followingLinks: Bool = true) {
        var st = stat()
        guard (followingLinks ? stat(path, &st) : lstat(path, &st)) == 0 else {
            self = .missing
            return
        }
        self = (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
