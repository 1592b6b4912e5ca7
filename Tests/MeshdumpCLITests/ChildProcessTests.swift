import Foundation
import Testing
import TestSupport

/// The helper that runs child processes for the tests.
struct ChildProcessTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/cat"), "needs /bin/cat"), .timeLimit(.minutes(1)))
    func pipesMegabytesThroughAChildThatAnswersAsItReads() throws {
        // Far more than a pipe buffer (64 KB) each way: writing all before reading would hang.
        let text = String(repeating: "0123456789abcdef\n", count: 400_000)
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/cat"), [], stdin: text)
        #expect(r.code == 0)
        #expect(r.stdout.utf8.count == text.utf8.count)
        #expect(r.stdout == text)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/true"), "needs /bin/true"), .timeLimit(.minutes(1)))
    func aChildThatReadsNothingDoesNotStopTheTests() throws {
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/true"), [], stdin: String(repeating: "x", count: 1 << 20))
        #expect(r.code == 0)
    }
}
