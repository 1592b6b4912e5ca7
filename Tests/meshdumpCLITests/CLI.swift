import Foundation
import TestSupport

/// Runs the built `meshdump` binary and captures what it prints and its exit code.
enum CLI {
    struct Result {
        var stdout: String
        var stderr: String
        var code: Int32
    }

    static var packageRoot: URL { TestPaths.packageRoot }

    static func testdata(_ path: String) -> String { TestPaths.testdata(path).path }

    static func suite(_ path: String) -> String { TestPaths.suite(path).path }

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
        try runProcess(binary, arguments, stdin: stdin, cwd: cwd)
    }

    /// Runs meshdump from the package root, so paths like `testdata/…` work as in a shell there.
    static func runInPackage(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(arguments, stdin: stdin, cwd: TestPaths.root)
    }

    /// Runs another program found on PATH (kubectl).
    static func runTool(_ name: String, _ arguments: [String]) throws -> Result {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, stdin: nil, cwd: nil)
    }

    private static func runProcess(_ executable: URL, _ arguments: [String], stdin: String?, cwd: String?) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), input = Pipe()
        // stderr goes to a file, so a chatty child never blocks on a full pipe we are not reading.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("meshdump-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        let err = try FileHandle(forWritingTo: errPath)
        defer { try? FileManager.default.removeItem(at: errPath) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errPath)
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      code: process.terminationStatus)
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
