#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// Small file-system questions asked while resolving configuration.
enum FileCheck {
    /// The most read of a kubeconfig or a file it names (certificate, key, token): far more than
    /// any real one, small enough that `/dev/zero` or a mistaken path is an error, not a crash.
    static let sizeLimit = 8 << 20

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The whole file when a path is given; nil when none is.
    static func read(inline data: [UInt8]?, orFile path: String?, what: String) throws(KubeConfigError) -> [UInt8]? {
        if let data { return data }
        guard let path, !path.isEmpty else { return nil }
        return try read(path, what: what)
    }

    /// The whole file, or an error naming what it is (`certificate-authority /x: No such file…`).
    static func read(_ path: String, what: String) throws(KubeConfigError) -> [UInt8] {
        do {
            let input = try InputBytes.read(path: path, limit: sizeLimit)
            return withExtendedLifetime(input) { Array(input.buffer) }
        } catch {
            throw KubeConfigError("\(what) \(error)")
        }
    }
}
