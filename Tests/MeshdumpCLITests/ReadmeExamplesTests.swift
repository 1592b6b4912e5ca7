import Foundation
import Testing
import TestSupport

/// Issue 9: every example in README.md runs as written. The README's ```sh blocks are run, in
/// order, as one bash script in an empty folder (with `testdata/` and `rules/` linked in), with
/// the products of this build first on the PATH: `meshdump`, `fixture-apiserver`, and a `swift`
/// that runs them (`swift run [-c release] PRODUCT …` is the product itself; `swift build` and
/// `swift test` do nothing, the suite being that test). Each command must exit 0, or the status
/// its line's comment names (`# exit 1: they differ`); anything else fails the test, naming the
/// README line. A block whose info string says more than `sh` (```sh not run: …) is not run and
/// says why. A plain ``` block that starts with `$ meshdump …` is a transcript: the command is
/// run at that point of the script and what it prints (standard output, then standard error)
/// must be the block's other lines, byte for byte.
@Suite(.enabled(if: Tools.installed("bash", "kubectl", "setsid", "timeout", "pkill"), "bash, kubectl, setsid, timeout or pkill is missing"))
struct ReadmeExamplesTests {
    /// The README as a bash script whose line N is the README's line N, so `$LINENO` names it.
    struct Script {
        var text: String
        /// (README line, info string) of the blocks that are not run.
        var notRun: [(line: Int, info: String)] = []
        var blocks = 0
        /// README lines of the transcripts' commands.
        var transcripts: [Int] = []
    }

    /// Ends a transcript's heredoc (the block's closing fence).
    static let transcriptEnd = "README_TRANSCRIPT"

    static func script(_ readme: String) -> Script {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = Array(repeating: "", count: lines.count + 1)
        var script = Script(text: "")
        var expectations: [String] = []
        var inBlock: Bool?  // nil outside a block, else whether it runs
        var blockStart = 0, inTranscript = false
        var commandStart = 0, continues = false
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.hasPrefix("```") {
                if inBlock != nil {
                    inBlock = nil
                    if inTranscript { out[number] = transcriptEnd }
                    inTranscript = false
                } else {
                    let info = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                    inBlock = info == "sh"
                    blockStart = info.isEmpty ? number : 0
                    if info == "sh" { script.blocks += 1 }
                    if info.hasPrefix("sh ") { script.notRun.append((number, info)) }
                }
                continue
            }
            if inTranscript {
                out[number] = line
                continue
            }
            if inBlock == false, number == blockStart + 1, line.hasPrefix("$ meshdump ") {
                // The expected output is the heredoc; diff's complaint goes to standard error.
                out[number] = "diff -u - <(\(line.dropFirst(2)) 2>&1) >&2 <<'\(transcriptEnd)'"
                script.transcripts.append(number)
                inTranscript = true
                continue
            }
            guard inBlock == true else { continue }
            out[number] = line
            if !continues { commandStart = number }
            continues = line.hasSuffix("\\")
            // bash names a command of several lines by one of them, not always the last.
            if let code = line.firstMatch(of: /# exit ([0-9]+)/)?.1 {
                expectations += (commandStart...number).map { "expect[\($0)]=\(code)" }
            }
        }
        // Line 1 (the README's title) holds the prologue: strict errors, the expected statuses,
        // a trap naming the README line of a command that exits otherwise, and one that stops
        // the fixture servers the examples started (setsid gave the run a process group).
        out[1] = "set -E -o pipefail; declare -A expect; \(expectations.joined(separator: "; "))\(expectations.isEmpty ? "" : ";") "
            + #"trap 'rc=$?; if [ "${expect[$LINENO]:-0}" != "$rc" ]; then echo "README.md:$LINENO: exit $rc (expected ${expect[$LINENO]:-0}): $BASH_COMMAND" >&2; exit 1; fi' ERR; trap 'pkill -g 0 -f fixture-apiserver' EXIT"#
        // After the last line: every command exited as expected (the last one may have exited 1).
        script.text = out.dropFirst().joined(separator: "\n") + "\nexit 0\n"
        return script
    }

    @Test func everyShellExampleRunsAsWritten() throws {
        let readme = try CLI.read(TestPaths.root + "/README.md")
        let script = Self.script(readme)
        #expect(script.blocks >= 10, "the README's sh blocks were not found")
        #expect(script.transcripts.count == 2, "the README's transcripts (diff and check) were not found")
        // The two not run: the release build (over an hour) and krew (not installed here).
        #expect(script.notRun.map(\.info) == ["sh not run: builds the release archive, which takes over an hour",
                                              "sh not run: needs krew and the release archive"])

        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let work = dir + "/work", bin = dir + "/bin"
        for folder in [work, bin, dir + "/home"] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for name in ["testdata", "rules"] {
            try FileManager.default.createSymbolicLink(atPath: work + "/" + name, withDestinationPath: TestPaths.root + "/" + name)
        }
        let products = CLI.binary.deletingLastPathComponent().path
        for product in ["meshdump", "fixture-apiserver"] {
            try FileManager.default.createSymbolicLink(atPath: bin + "/" + product, withDestinationPath: products + "/" + product)
        }
        try FileManager.default.createSymbolicLink(atPath: bin + "/kubectl-meshdump", withDestinationPath: products + "/meshdump")
        try CLI.write("""
            #!/bin/bash
            # The README's swift commands, as the suite runs them: the products are built already.
            case "$1" in
                run) shift; if [ "$1" = "-c" ]; then shift 2; fi; exec "$@" ;;
                build | test) exit 0 ;;
                *) echo "swift (test stand-in): $* is not one of the README's commands" >&2; exit 2 ;;
            esac

            """, to: bin + "/swift")
        chmod(bin + "/swift", 0o755)
        try CLI.write(script.text, to: dir + "/readme.sh")

        var environment = ["HOME": dir + "/home", "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "LANG": "C.UTF-8", "TMPDIR": dir]
        environment["KUBECONFIG"] = nil
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/setsid"), ["--wait", "timeout", "600", "bash", "--noprofile", "--norc", dir + "/readme.sh"],
                                       cwd: work, environment: environment)
        // The end of what the script printed on stderr: the README line that failed, and why.
        #expect(run.code == 0, "\(run.stderr.split(separator: "\n").suffix(12).joined(separator: "\n"))")
    }

    @Test func aTranscriptIsComparedWithWhatItsCommandPrints() {
        let script = Self.script("# T\n```\n$ meshdump diff a b\n~ X\n1 changed\n```\n```\nplain\n```\n")
        #expect(script.transcripts == [3])
        let lines = script.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines[1...5]) == ["", "diff -u - <(meshdump diff a b 2>&1) >&2 <<'README_TRANSCRIPT'", "~ X", "1 changed", "README_TRANSCRIPT"])
        #expect(lines[7] == "", "a plain block that is no transcript is not run")
    }

    @Test func scriptLinesAreTheReadmesLines() {
        let script = Self.script("# T\n\ntext\n```sh\na # exit 1\nb \\\n  c # exit 2\n```\n```sh not run: why\nb\n```\n")
        #expect(script.blocks == 1)
        #expect(script.notRun.map(\.line) == [9])
        let lines = script.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("set -E -o pipefail; declare -A expect; expect[5]=1; expect[6]=2; expect[7]=2; trap "))
        #expect(lines[0].hasSuffix("trap 'pkill -g 0 -f fixture-apiserver' EXIT"))
        #expect(lines[4] == "a # exit 1")
        #expect(lines[9] == "")
    }
}
