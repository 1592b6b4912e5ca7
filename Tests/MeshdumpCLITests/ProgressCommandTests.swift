import Foundation
import Testing
import TestSupport

/// Issue 9: on a terminal, export says per kind how far the listing is, of the total the server
/// announced; off a terminal it prints no progress at all.
struct ProgressCommandTests {
    @Test(.enabled(if: Tools.installed("script"), "script (bsdutils) is not installed: no pseudo-terminal to run meshdump on"))
    func exportOnATerminalShowsKindsAndTotals() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Every list page of virtualservices takes 300 ms: 40 objects in pages of 5 stay in
        // progress long enough to be drawn.
        let server = try FixtureServer(["--generate", "2x11x20", "--fault", "delay=300ms,resource=virtualservices"], in: dir)
        let command = [CLI.binary.path, "export", "--kubeconfig", server.kubeconfig, "-d", dir + "/data", "--chunk-size", "5"]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try CLI.runTool("script", ["-qec", command, "/dev/null"])
        #expect(terminal.code == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("exporting: "))
        #expect(terminal.stdout.contains(" of 11 kinds, "))
        #expect(terminal.stdout.contains("virtualservices 5 of 40") || terminal.stdout.contains("virtualservices 10 of 40"), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\u{1B}[K"))

        let piped = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/piped", "--chunk-size", "5"])
        #expect(piped.code == 0)
        #expect(!piped.stderr.contains("exporting:"))
        #expect(!piped.stderr.contains("\u{1B}"))
    }

    @Test func chunkSizeMustBePositive() throws {
        let r = try CLI.run(["export", "--chunk-size", "0", "-d", "/nonexistent/x"])
        #expect(r.code == 2)
        #expect(r.stderr.hasPrefix("meshdump: error: --chunk-size must be at least 1"))
    }
}
