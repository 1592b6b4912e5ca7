#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// The few file system operations the tree writer and the input walk need, as throwing Swift calls.
enum FileSystem {
    /// Creates `path` and any missing parents.
    static func makeDirectories(_ path: String) throws(InputError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw InputError(path: path, errno: errno) }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw InputError(path: path, errno: errno) }
    }

    /// Writes a new file; fails if it exists.
    static func createFile(_ path: String, contents: [UInt8]) throws(InputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError(path: path, errno: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < contents.count {
            let n = contents.withUnsafeBytes { write(fd, $0.baseAddress! + offset, contents.count - offset) }
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
        guard Glibc.rename(from, to) == 0 else { throw InputError(path: to, errno: errno) }
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

/// What a path names on disk (following symbolic links).
public enum FileKind {
    case file, directory, missing

    public init(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            self = .missing
            return
        }
        self = (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
