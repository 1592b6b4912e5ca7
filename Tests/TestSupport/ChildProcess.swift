import Foundation

/// What a child process printed and how it exited.
public struct ProcessOutput: Sendable {
    public var stdout: String
    public var stderr: String
    public var code: Int32
}

/// Runs programs for the tests (meshdump, kubectl) and captures their output.
public enum ChildProcess {
    /// Runs `executable`; `stdin` is written to its standard input (which is closed either way).
    public static func run(_ executable: URL, _ arguments: [String], stdin: String? = nil, cwd: String? = nil,
                           environment: [String: String]? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { process.environment = environment }
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
        return ProcessOutput(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                             code: process.terminationStatus)
    }

    /// Where `name` is on PATH; nil when it is not installed.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program found on PATH.
    public static func runTool(_ name: String, _ arguments: [String], cwd: String? = nil,
                               environment: [String: String]? = nil) throws -> ProcessOutput {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, cwd: cwd, environment: environment)
    }
}
