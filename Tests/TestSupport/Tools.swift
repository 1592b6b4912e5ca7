import Foundation

/// Whether the programs some tests run (kubectl, git, openssl) are installed and who runs the
/// tests, for `.enabled(if:)`: a test that needs what this machine lacks is skipped, saying why.
public enum Tools {
    /// Whether every one of `names` is on PATH (`ChildProcess.which`).
    public static func installed(_ names: String...) -> Bool { names.allSatisfy { ChildProcess.which($0) != nil } }

    /// Whether the tests run as root, who reads and writes files whatever their permissions.
    public static var isRoot: Bool { getuid() == 0 }
}
