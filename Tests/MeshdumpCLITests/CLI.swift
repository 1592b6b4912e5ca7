import Foundation
import TestSupport

/// Runs the built `meshdump` binary and captures what it prints and its exit code.
enum CLI {
    typealias Result = ProcessOutput

    static var packageRoot: URL { TestPaths.packageRoot }

    static func testdata(_ path: String) -> String { TestPaths.testdata(path).path }

    /// The binary beside the test bundle (`.build/<config>/meshdump`).
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("meshdump")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return TestPaths.packageRoot.appendingPathComponent(".build/debug/meshdump")
    }()

    /// Runs meshdump.
    static func run(_ arguments: [String], stdin: String? = nil, cwd: String? = nil) throws -> Result {
        try ChildProcess.run(binary, arguments, stdin: stdin, cwd: cwd)
    }

    /// Runs meshdump from the package root, so paths like `testdata/…` work as in a shell there.
    static func runInPackage(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(arguments, stdin: stdin, cwd: TestPaths.root)
    }

    /// Runs another program found on PATH (kubectl).
    static func runTool(_ name: String, _ arguments: [String]) throws -> Result {
        try ChildProcess.runTool(name, arguments)
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Writes `text` to `path`, creating the folders it needs.
    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

}
