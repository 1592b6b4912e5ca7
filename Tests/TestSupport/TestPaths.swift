import Foundation

/// Where the tests find the package's files, for every test target. Every input a test reads is
/// under the package root (`testdata/`), so a clone anywhere passes.
public enum TestPaths {
    /// The package root (this file is Tests/TestSupport/TestPaths.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The package root as a path.
    public static var root: String { packageRoot.path }

    public static func testdata(_ path: String) -> URL { packageRoot.appendingPathComponent("testdata/" + path) }

    public static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}

extension TestPaths {
    /// A new empty directory under the system's temporary folder (left for the OS to clean, so
    /// no test can lose it while a child process still works in it).
    public static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "meshdump-tests/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
