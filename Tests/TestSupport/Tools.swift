import Foundation

/// The programs some tests run (kubectl, git, openssl) and who runs the tests, for
/// `.enabled(if:)`: a test that needs what this machine lacks is skipped, saying why.
public enum Tools {
    /// The path of the executable `name` on PATH, or nil when it is not installed.
    public static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether every one of `names` is installed.
    public static func installed(_ names: String...) -> Bool { names.allSatisfy { path($0) != nil } }

    /// Whether the tests run as root, who reads and writes files whatever their permissions.
    public static var isRoot: Bool { getuid() == 0 }
}
