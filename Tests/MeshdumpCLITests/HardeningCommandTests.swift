import Foundation
import Testing
import TestSupport

/// Issue 11's regressions at the command line: output that cannot be written, signals in the
/// middle of a tree, paths that would read their own output, folders that link back up.
struct HardeningCommandTests {
    static let dump = CLI.testdata("cluster/istio-dump.json")

    /// Runs meshdump through bash, for redirections no Process offers (`> /dev/full`, `>&-`).
    static func shell(_ script: String) throws -> CLI.Result {
        try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, CLI.binary.path], cwd: TestPaths.root)
    }

    /// Issue 11: a write that failed was reported as success (exit 0, a truncated file).
    @Test(arguments: [
        "neat -f \(dump) -o yaml",
        "diff testdata/diff/istio/old testdata/diff/istio/new -o unified",
        "rewrite --rules testdata/rewrite/issue-example/rules.yaml testdata/rewrite/issue-example/input --dry-run",
    ])
    func outputThatCannotBeWrittenIsAnError(_ command: String) throws {
        let full = try Self.shell("\"$0\" \(command) > /dev/full")
        #expect(full.code == 2)
        #expect(full.stderr.hasSuffix("meshdump: error: cannot write to standard output: No space left on device\n"))
        let closed = try Self.shell("\"$0\" \(command) >&-")
        #expect(closed.code == 2)
        #expect(closed.stderr.hasSuffix("meshdump: error: cannot write to standard output: Bad file descriptor\n"))
    }

    @Test func aReaderThatGoesAwayEndsItQuietly() throws {
        let dir = try TestPaths.temporaryDirectory()
        try Self.bigDump(5_000, to: dir + "/big.yaml")
        let r = try Self.shell("\"$0\" neat -f \(dir)/big.yaml | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"")
        #expect(r.stderr == "")
        #expect(r.stdout == "141\n", "ended by SIGPIPE, as cat would be")
    }

    /// Issue 11: `rewrite SRC -o SRC/sub` read its own output.
    @Test func rewriteRefusesToWriteInsideItsSource() throws {
        let dir = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: CLI.testdata("rewrite/issue-example/input"), toPath: dir + "/tree")
        let rules = CLI.testdata("rewrite/issue-example/rules.yaml")
        let inside = try CLI.run(["rewrite", "--rules", rules, dir + "/tree", "-d", dir + "/tree/sub"])
        #expect(inside.code == 2)
        #expect(inside.stderr == "meshdump: error: -d \(dir)/tree/sub is inside SRC \(dir)/tree: write the new tree elsewhere\n")
        let same = try CLI.run(["rewrite", "--rules", rules, dir + "/tree", "-d", dir + "/tree/"])
        #expect(same.code == 2)
        #expect(same.stderr.contains("is SRC itself: use --in-place"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/tree/sub"))
    }

    /// Issue 11: two `..` links made every command that reads a folder run forever.
    @Test func linksToFoldersInsideAnInputAreNotFollowed() throws {
        let dir = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/tree/a", withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n".write(toFile: dir + "/tree/a/c.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/tree/a/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/tree/loop", withDestinationPath: ".")
        let r = try CLI.run(["neat", "-f", dir + "/tree"])
        #expect(r.code == 0)
        #expect(r.stdout == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: a\n")
    }

    /// A YAML stream of `count` VirtualServices across 20 namespaces.
    static func bigDump(_ count: Int, to path: String) throws {
        var text = ""
        for i in 0..<count {
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs-\(i), namespace: ns-\(i % 20)}\n"
                + "spec: {hosts: [vs-\(i)], http: [{route: [{destination: {host: vs-\(i)}}]}]}\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Starts `arguments`, waits until its staging folder appears in `parent` plus `delay`,
    /// sends `signal`, and returns how it exited.
    static func interrupt(_ arguments: [String], parent: String, after delay: Duration, with signal: Int32) throws -> Int32 {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning && ContinuousClock.now < deadline,
              !((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).contains(where: { $0.contains(".meshdump-staging-") }) {
            usleep(2_000)
        }
        Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Issue 11: after SIGINT, SIGTERM or SIGHUP a staging folder with up to the whole tree
    /// stayed behind. Killed at several points, an export or an in-place rewrite leaves the old
    /// tree or the new one, byte for byte, and nothing else.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func aSignalLeavesTheOldTreeOrTheNewOneAndNothingElse(_ signal: Int32, _ status: Int32) throws {
        // In memory where there is a tmpfs: a disk takes ~350 µs to create each file.
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/meshdump-tests-\(UUID().uuidString)" : try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.bigDump(5_000, to: dir + "/big.yaml")
        try Self.bigDump(10, to: dir + "/small.yaml")
        let rules = dir + "/rules.yaml"
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {ns-1: moved}\n".write(toFile: rules, atomically: true, encoding: .utf8)
        // The trees each run may leave: the old and the new export, and each moved by the rules.
        let references = dir + "/references"
        for size in ["small", "big"] {
            #expect(try CLI.run(["export", "--from", dir + "/\(size).yaml", "-d", references + "/\(size)"]).code == 0)
            #expect(try CLI.run(["rewrite", "--rules", rules, references + "/\(size)", "-d", references + "/\(size)-moved"]).code == 0)
        }
        /// Which reference `tree` is, byte for byte; nil when none.
        func reference(of tree: String, among names: [String]) throws -> String? {
            try names.first { try TreeContents.same(tree, references + "/" + $0) }
        }
        for delay: Duration in [.zero, .milliseconds(300)] {
            let parent = dir + "/out-\(signal)-\(delay.components.attoseconds)"
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            #expect(try CLI.run(["export", "--from", dir + "/small.yaml", "-d", parent + "/data"]).code == 0)
            let exported = try Self.interrupt(["export", "--from", dir + "/big.yaml", "-d", parent + "/data"], parent: parent, after: delay, with: signal)
            #expect(exported == status || exported == 0, "exit status \(exported)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["data"])
            let before = try #require(try reference(of: parent + "/data", among: ["small", "big"]), "neither the old tree nor the new one")
            if exported == 0 { #expect(before == "big") }

            let rewritten = try Self.interrupt(["rewrite", "--rules", rules, parent + "/data", "--in-place"], parent: parent, after: delay, with: signal)
            #expect(rewritten == status || rewritten == 0, "exit status \(rewritten)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["data"])
            let after = try reference(of: parent + "/data", among: [before, before + "-moved"])
            #expect(after != nil, "neither the tree before the rewrite nor the one after it")
            if rewritten == 0 { #expect(after == before + "-moved") }
        }
    }

    /// Issue 11: two first exports racing for a new folder left one's staging folder behind.
    @Test func twoFirstExportsRacingForANewFolder() throws {
        let dir = try TestPaths.temporaryDirectory()
        try Self.bigDump(500, to: dir + "/dump.yaml")
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["export", "--from", dir + "/dump.yaml", "-d", dir + "/out/data"]
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["data"])
        #expect(try TreeContents.files(in: dir + "/out/data").count == 501)
    }
}
