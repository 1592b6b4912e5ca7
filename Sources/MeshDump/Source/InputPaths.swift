#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// Expands what a user named on the command line into the files to read.
///
/// A file is read whatever its name; a directory is read recursively, taking the files ending in
/// `.yaml`, `.yml` or `.json` (as `kubectl -f DIR -R` does; symbolic links to files are read,
/// links to folders inside it are not followed), in byte order of their paths so the
/// result never depends on the file system; `-` is standard input. A path that does not exist,
/// or an object file in a directory that cannot be reached (a broken symbolic link), is an
/// error, never a silent skip.
public enum InputPaths {
    public static let extensions = [".yaml", ".yml", ".json"]

    public static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            switch FileKind(path: path) {
            case .directory: files += try walk(path)
            case .missing: throw InputError(path: path, message: "no such file or directory")
            case .file: files.append(path)
            }
        }
        return files
    }

    /// The object files below `directory`, sorted.
    public static func walk(_ directory: String) throws(InputError) -> [String] {
        var found: [String] = []
        var pending = [directory]
        while let dir = pending.popLast() {
            guard let names = try FileSystem.entries(dir) else { throw InputError(path: dir, errno: ENOENT) }
            for name in names {
                if name.hasPrefix(".") { continue }
                let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                switch FileKind(path: child) {
                // A symbolic link to a folder is not followed (as `kubectl -R` and Go's
                // filepath.Walk do not): links cannot make the walk loop or read a tree twice.
                case .directory: if !FileSystem.isSymbolicLink(child) { pending.append(child) }
                case .file where extensions.contains(where: { name.hasSuffix($0) }): found.append(child)
                case .missing where extensions.contains(where: { name.hasSuffix($0) }):
                    throw InputError(path: child, message: "cannot be read: a broken symbolic link")
                default: continue
                }
            }
        }
        // Byte order, compared on byte arrays (comparing `String.UTF8View`s is several times slower).
        return found.map { (bytes: Array($0.utf8), path: $0) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            .map(\.path)
    }
}
