import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// The line diff behind `unified` output and multi-line strings: minimal, and its hunks rebuild
/// the new text; the unified output applies with `git apply`.
struct LineDiffTests {
    static func lines(_ s: String) -> [Substring] { LineDiff.lines(Substring(s)) }

    @Test func hunkHeadersAndContext() {
        let old = Self.lines((1...20).map { "l\($0)\n" }.joined())
        var newLines = (1...20).map { "l\($0)" }
        newLines[1] = "two"
        newLines.insert("new", at: 15)
        let hunks = LineDiff.hunks(old, newLines.map { Substring($0) })
        #expect(hunks.map(\.header) == ["@@ -1,5 +1,5 @@", "@@ -13,6 +13,7 @@"])
        #expect(hunks[0].lines.map { "\($0.op)" + $0.text } == ["equall1", "deletel2", "inserttwo", "equall3", "equall4", "equall5"])
    }

    @Test func emptyTextsAndSingleLines() {
        #expect(Self.lines("") == [])
        #expect(Self.lines("a") == ["a"])
        #expect(Self.lines("a\n\nb\n") == ["a", "", "b"])
        #expect(LineDiff.hunks([], ["a"]).map(\.header) == ["@@ -0,0 +1 @@"])
        #expect(LineDiff.hunks(["a"], []).map(\.header) == ["@@ -1 +0,0 @@"])
        #expect(LineDiff.hunks(["a", "b"], ["a", "b"]).isEmpty)
    }

    /// Random edits: applying the hunks to the old lines gives the new ones, and the script is
    /// as short as the longest common subsequence allows.
    @Test(arguments: 1...40)
    func randomEditsRoundTrip(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let old = (0..<Int(rng.next() % 40)).map { _ in Substring("line \(rng.next() % 8)") }
        var new = old
        for _ in 0..<Int(rng.next() % 6) {
            let i = new.isEmpty ? 0 : Int(rng.next() % UInt64(new.count + 1))
            switch rng.next() % 3 {
            case 0: new.insert(Substring("added \(rng.next() % 5)"), at: i)
            case 1: if i < new.count { new.remove(at: i) }
            default: if i < new.count { new[i] = Substring("changed \(rng.next() % 5)") }
            }
        }
        let script = LineDiff.script(old, new)
        let edits = script.filter { $0 != .equal }.count
        #expect(edits == old.count + new.count - 2 * Self.lcs(old, new))
        #expect(Self.apply(LineDiff.hunks(old, new), to: old) == new)
    }

    static func apply(_ hunks: [LineDiff.Hunk], to old: [Substring]) -> [Substring] {
        var result: [Substring] = []
        var next = 0
        for hunk in hunks {
            result += old[next..<hunk.oldStart]
            next = hunk.oldStart
            for line in hunk.lines {
                switch line.op {
                case .equal: result.append(old[next]); next += 1
                case .delete: next += 1
                case .insert: result.append(line.text)
                }
            }
        }
        return result + old[next...]
    }

    static func lcs(_ a: [Substring], _ b: [Substring]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var previous = 0
            for j in 1...max(b.count, 1) where j <= b.count {
                let saved = row[j]
                row[j] = x == b[j - 1] ? previous + 1 : max(row[j], row[j - 1])
                previous = saved
            }
        }
        return row[b.count]
    }

    /// `git apply` takes the unified output of each golden review — changes, unnamed lists,
    /// renames — and turns the canonical old tree into the canonical new one, file for file.
    @Test(.enabled(if: Tools.installed("git"), "git is not installed"),
          arguments: [(DiffGoldenTests.old, DiffGoldenTests.new),
                      (DiffTestSupport.testdata("unnamed/old"), DiffTestSupport.testdata("unnamed/new")),
                      (DiffGoldenTests.renamesOld, DiffGoldenTests.renamesNew)])
    func unifiedOutputAppliesWithGit(oldTree: String, newTree: String) async throws {
        let old = try FileSource(paths: [oldTree]).objects()
        let new = try FileSource(paths: [newTree]).objects()
        let patch = try DiffFormat.unified.render(try ObjectDiffer().compare(old: old, new: new))
        try await DiffTestSupport.withTemporaryDirectory { dir in
            for object in old {
                try DiffTestSupport.write(try YAMLWriter.string(object.value), to: dir + "/" + UnifiedDiffRenderer.path(of: object.id))
            }
            try Data(patch).write(to: URL(fileURLWithPath: dir + "/change.patch"))
            let git = try ChildProcess.runTool("git", ["apply", "--unsafe-paths", "change.patch"], cwd: dir)
            #expect(git.code == 0, "\(git.stderr)")
            try FileManager.default.removeItem(atPath: dir + "/change.patch")
            var expected: [String: String] = [:]
            for object in new { expected[UnifiedDiffRenderer.path(of: object.id)] = try YAMLWriter.string(object.value) }
            let files = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }
            #expect(Set(files) == Set(expected.keys))
            for (path, text) in expected {
                #expect(try String(contentsOfFile: dir + "/" + path, encoding: .utf8) == text, "\(path)")
            }
        }
    }
}

/// A small deterministic random number generator for table-free property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
