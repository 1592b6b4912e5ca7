import Foundation
import Testing
import TestSupport

/// `meshdump version`, `--version` and `-V`: the version and the git commit the binary was built
/// from, which scripts/build-commit.sh finds before every build.
struct VersionCommandTests {
    /// What build-commit.sh finds for `directory`: its `git rev-parse --short HEAD` when it is the
    /// top of a git checkout, else "unknown".
    static func commit(of directory: String) throws -> String {
        guard Tools.installed("git") else { return "unknown" }
        let top = try ChildProcess.runTool("git", ["-C", directory, "rev-parse", "--show-toplevel"])
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard top.code == 0, URL(fileURLWithPath: top.stdout.trimmingCharacters(in: .newlines)).resolvingSymlinksInPath().path == real
        else { return "unknown" }
        return try ChildProcess.runTool("git", ["-C", directory, "rev-parse", "--short", "HEAD"]).stdout.trimmingCharacters(in: .newlines)
    }

    @Test(arguments: [["version"], ["--version"], ["-V"]])
    func printsTheVersionAndTheCommit(arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.code == 0)
        #expect(r.stderr == "")
        let commit = try Self.commit(of: TestPaths.root)
        #expect(r.stdout.wholeMatch(of: /meshdump [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}|unknown)\)\n/) != nil, "\(r.stdout)")
        #expect(r.stdout.hasSuffix(" (commit \(commit))\n"))
    }

    @Test func helpNamesBothSpellings() throws {
        let r = try CLI.run(["--help"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("-V, --version"))
        #expect(r.stdout.contains("  version "))
    }

    /// The script itself: a checkout's commit, "unknown" in a folder that is no checkout or only a
    /// folder inside one, and the file left alone (same modification time) when nothing changed.
    @Test(.enabled(if: Tools.installed("git"), "git is not installed"))
    func buildCommitScript() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = TestPaths.root + "/scripts/build-commit.sh"
        func written(_ package: String) throws -> String {
            let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), [script, package, dir + "/out"])
            #expect(r.code == 0, "\(r.stderr)")
            return try CLI.read(dir + "/out/BuildCommit.swift")
        }
        let repo = dir + "/repo"
        try CLI.write("x\n", to: repo + "/sub/file")
        #expect(try written(repo).contains("enum BuildCommit { static let id = \"unknown\" }"))

        for arguments in [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]] {
            #expect(try ChildProcess.runTool("git", ["-C", repo] + arguments).code == 0)
        }
        let head = try Self.commit(of: repo)
        #expect(head.count >= 7)
        #expect(try written(repo).contains("enum BuildCommit { static let id = \"\(head)\" }"))
        let modified = try FileManager.default.attributesOfItem(atPath: dir + "/out/BuildCommit.swift")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        _ = try written(repo)
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/out/BuildCommit.swift")[.modificationDate] as? Date == modified)

        #expect(try written(repo + "/sub").contains("\"unknown\""))
    }
}
