import Foundation

/// Where the tests find the package's files and the shared test suites.
enum TestPaths {
    /// The package root (this file is Tests/MeshDumpCoreTests/Support/TestPaths.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func testdata(_ path: String) -> URL { packageRoot.appendingPathComponent("testdata/" + path) }

    /// `../shared/testsuites/<path>`, beside the package as CI clones it.
    static func suite(_ path: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testsuites/" + path)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}
