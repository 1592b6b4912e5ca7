import Foundation
import Testing
import TestSupport

/// Endless, huge or malformed input: a clear error naming the place, at once, and nothing
/// written; never a crash after gigabytes of memory (issue 11).
struct HostileInputTests {
    static let hasDevZero = FileManager.default.isReadableFile(atPath: "/dev/zero")
    static let rules = "apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {team-a: team-b}\n"

    /// Runs meshdump with `OUT` and `RULES` in `arguments` replaced by paths in a new folder.
    func run(_ arguments: [String]) throws -> (result: CLI.Result, out: String) {
        let dir = try TestPaths.temporaryDirectory()
        try Self.rules.write(toFile: dir + "/rules.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.runInPackage(arguments.map { $0 == "OUT" ? dir + "/out" : $0 == "RULES" ? dir + "/rules.yaml" : $0 })
        return (r, dir + "/out")
    }

    @Test(.enabled(if: hasDevZero, "needs /dev/zero"), .timeLimit(.minutes(1)), arguments: [
        (["neat", "-f", "/dev/zero"], 1),
        (["export", "--from", "/dev/zero", "-d", "OUT"], 1),
        (["rewrite", "--rules", "RULES", "/dev/zero", "-d", "OUT"], 1),
        (["diff", "/dev/zero", "testdata/cluster"], 2),
    ] as [([String], Int32)])
    func devZeroIsAnErrorAtItsFirstByte(_ arguments: [String], _ code: Int32) throws {
        let (r, out) = try run(arguments)
        #expect(r.code == code)
        #expect(r.stderr == "meshdump: error: /dev/zero:1:1: control characters are not allowed (0x00)\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(.enabled(if: hasDevZero, "needs /dev/zero"), .timeLimit(.minutes(1)))
    func devZeroOnStandardInputIsAnErrorAtItsFirstByte() throws {
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" neat < /dev/zero", CLI.binary.path])
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: <stdin>:1:1: control characters are not allowed (0x00)\n")
    }

    @Test(.enabled(if: hasDevZero, "needs /dev/zero"), .timeLimit(.minutes(1)), arguments: [
        ["rewrite", "--rules", "/dev/zero", "testdata/cluster", "-d", "OUT"],
        ["export", "--from", "testdata/cluster", "--rules", "/dev/zero", "-d", "OUT"],
    ])
    func aRulesFileLargerThanFourMegabytesIsRefused(_ arguments: [String]) throws {
        let (r, out) = try run(arguments)
        #expect(r.code == 2)
        #expect(r.stderr == "meshdump: error: /dev/zero: larger than 4 MB, the most such a file may hold\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func invalidUTF8IsReportedOnItsLine() throws {
        let dir = try TestPaths.temporaryDirectory()
        let bytes = Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: \"".utf8) + [0xFF] + Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
        let r = try CLI.run(["neat", "-f", dir + "/bad.yaml"])
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: \(dir)/bad.yaml:5:16: invalid leading UTF-8 octet (0xFF)\n")
    }

    @Test func aRawNULIsReportedOnItsLine() throws {
        let r = try CLI.run(["neat"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u{0}\n")
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: <stdin>:4:10: control characters are not allowed (0x00)\n")
    }

    @Test func anEmptyNameIsSaidToBeEmpty() throws {
        let r = try CLI.run(["neat"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"\"\n")
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: <stdin>:1:1: not a Kubernetes object: metadata.name is empty\n")
    }

    @Test func aTruncatedJSONListIsReportedWhereTheInputEnds() throws {
        let text = #"{"apiVersion": "v1", "items": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}, {"apiVersion": "v1", "#
        let r = try CLI.run(["neat"], stdin: text)
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: <stdin>:1:\(text.count + 1): expected a string key, found end of input\n")
    }
}
