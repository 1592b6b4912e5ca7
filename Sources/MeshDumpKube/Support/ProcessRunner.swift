import Foundation

/// Runs a program to completion off the concurrency pool, with standard input closed and both
/// outputs captured.
enum ProcessRunner {
    struct Output: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    static func run(command: String, arguments: [String], environment: [String: String]) async throws(KubeError) -> Output {
        guard let executable = locate(command, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            throw KubeError.credentials("exec plugin \(command): executable not found")
        }
        let result: Result<Output, KubeError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: runBlocking(executable, arguments, environment))
            }
        }
        return try result.get()
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], _ environment: [String: String]) -> Result<Output, KubeError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return .failure(KubeError.credentials("exec plugin \(executable) could not be started: \(error.localizedDescription)"))
        }
        let errorBytes = LockedBytes()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBytes.set([UInt8](err.fileHandleForReading.readDataToEndOfFile())) }
        let outputBytes = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        group.wait()
        process.waitUntilExit()
        return .success(Output(status: process.terminationStatus, standardOutput: outputBytes, standardError: errorBytes.get()))
    }

    /// `command` itself when it holds a `/`, else the first executable of that name on PATH.
    static func locate(_ command: String, path: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Bytes handed from one thread to another.
private final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func set(_ value: [UInt8]) { lock.withLock { bytes = value } }
    func get() -> [UInt8] { lock.withLock { bytes } }
}
