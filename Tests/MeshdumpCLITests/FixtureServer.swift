import Foundation

/// A running `fixture-apiserver` (built with the package) and the kubeconfig it wrote; stopped
/// when released.
final class FixtureServer {
    let process = Process()
    let kubeconfig: String

    init(_ arguments: [String], in dir: String) throws {
        kubeconfig = dir + "/kubeconfig"
        process.executableURL = CLI.binary.deletingLastPathComponent().appendingPathComponent("fixture-apiserver")
        process.arguments = arguments + ["--write-kubeconfig", kubeconfig]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints its URL once it listens (and after writing the kubeconfig).
        var seen = Data()
        while !seen.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            seen.append(chunk)
        }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
