import Foundation
import Testing
import TestSupport

/// What the repository says about its own tests holds: the SOURCES notes name test files that
/// exist, the README lists every licensed suite, and `.ci/run` installs the tools tests need.
struct RepositoryNotesTests {
    /// The `testdata/` folders that carry a LICENSE: the public suites.
    static func licensedSuites() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: TestPaths.root + "/testdata")
            .filter { FileManager.default.fileExists(atPath: TestPaths.root + "/testdata/\($0)/LICENSE") }
            .sorted()
    }

    @Test func sourcesNotesNameTestFilesThatExist() throws {
        for suite in try Self.licensedSuites() {
            let note = try CLI.read(TestPaths.root + "/testdata/\(suite)/SOURCES.md")
            for match in note.matches(of: /Tests\/[A-Za-z\/]+\.swift/) {
                #expect(FileManager.default.fileExists(atPath: TestPaths.root + "/" + match.output),
                        "testdata/\(suite)/SOURCES.md names \(match.output), which does not exist")
            }
        }
    }

    @Test func readmeTestsSectionListsEveryLicensedSuite() throws {
        let readme = try CLI.read(TestPaths.root + "/README.md")
        let start = try #require(readme.range(of: "\n## Tests\n"))
        let section = readme[start.upperBound...].prefix { $0 != "#" }
        #expect(try Self.licensedSuites().count == 5)
        for suite in try Self.licensedSuites() {
            #expect(section.contains("`\(suite)`"), "README's Tests section leaves out \(suite)")
        }
    }

    /// Every tool a test asks `Tools.installed` for is installed by `.ci/run` when missing, but
    /// those every Debian system has (essential packages) and kubectl, which Debian does not ship.
    @Test func ciInstallsTheToolsTestsNeed() throws {
        let always: Set = ["bash", "sed", "tar", "timeout", "setsid", "uname", "sha256sum", "ldd", "kubectl"]
        let run = try CLI.read(TestPaths.root + "/.ci/run").split(separator: "\n")
        let tests = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.root + "/Tests").filter { $0.hasSuffix(".swift") }
        var needed: Set<String> = []
        for file in tests {
            let text = try CLI.read(TestPaths.root + "/Tests/" + file)
            for call in text.matches(of: /Tools\.installed\(([^)]*)\)/) {
                needed.formUnion(call.output.1.matches(of: /"([^"]+)"/).map { String($0.output.1) })
            }
        }
        #expect(needed.isSuperset(of: ["git", "openssl", "pkill", "script"]))
        for tool in needed.subtracting(always).sorted() {
            #expect(run.contains { $0.contains(tool) && $0.contains("|| need+=(") }, ".ci/run does not install \(tool)")
        }
    }
}
