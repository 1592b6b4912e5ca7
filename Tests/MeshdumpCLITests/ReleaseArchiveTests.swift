import Foundation
import Testing
import TestSupport

/// scripts/release.sh end to end: the archive holds the binary, LICENSE, README, completions and
/// man pages; its .sha256 checks; and the packed binary runs with no Swift toolchain on the path
/// and loads no Swift or libyaml library. A release build from scratch takes far longer than the
/// rest of the suite, so it runs when MESHDUMP_RELEASE_TEST=1 (README.md, "Release archives").
@Suite(.serialized,
       .enabled(if: ProcessInfo.processInfo.environment["MESHDUMP_RELEASE_TEST"] == "1",
                "builds the release archive only with MESHDUMP_RELEASE_TEST=1"),
       .enabled(if: Tools.installed("pkg-config", "tar", "ldd", "sha256sum"), "pkg-config, tar, ldd or sha256sum is missing"))
struct ReleaseArchiveTests {
    /// The archive release.sh made into a temporary folder, once for the suite.
    static let archive = Result<String, any Error> {
        let dist = try TestPaths.temporaryDirectory()
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["scripts/release.sh"], cwd: TestPaths.root,
                                     environment: ProcessInfo.processInfo.environment.merging(["DIST": dist]) { $1 })
        guard r.code == 0 else { throw ReleaseScriptError(output: r.stderr) }
        return r.stdout.trimmingCharacters(in: .newlines)
    }

    /// The archive unpacked into a temporary folder; returns the folder it holds.
    static func unpacked() throws -> String {
        let archive = try Self.archive.get()
        let dir = try TestPaths.temporaryDirectory()
        #expect(try ChildProcess.runTool("tar", ["-xzf", archive, "-C", dir]).code == 0)
        return dir + "/" + URL(fileURLWithPath: archive).lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "")
    }

    @Test func archiveIsNamedAfterVersionAndMachine() throws {
        let name = URL(fileURLWithPath: try Self.archive.get()).lastPathComponent
        let arch = try ChildProcess.runTool("uname", ["-m"]).stdout.trimmingCharacters(in: .newlines)
        #expect(name.wholeMatch(of: /meshdump-[0-9]+\.[0-9]+\.[0-9]+-linux-.*\.tar\.gz/) != nil, "\(name)")
        #expect(name.hasSuffix("-linux-\(arch).tar.gz"))
    }

    @Test func archiveHoldsBinaryLicenseReadmeCompletionsAndManPages() throws {
        let archive = try Self.archive.get()
        let listing = try ChildProcess.runTool("tar", ["-tzf", archive])
        #expect(listing.code == 0)
        let top = URL(fileURLWithPath: archive).lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "") + "/"
        let files = Set(listing.stdout.split(separator: "\n").map { String($0.dropFirst(top.count)) }.filter { !$0.isEmpty && !$0.hasSuffix("/") })
        let manPages = files.filter { $0.hasPrefix("share/man/man1/") }
        #expect(files.subtracting(manPages) == [
            "bin/meshdump", "LICENSE", "README.md",
            "share/bash-completion/completions/meshdump", "share/zsh/site-functions/_meshdump",
            "share/fish/vendor_completions.d/meshdump.fish",
        ])
        #expect(manPages.contains("share/man/man1/meshdump.1"))
        for subcommand in ["export", "neat", "rewrite", "diff", "check", "apply", "version"] {
            #expect(manPages.contains { $0.hasSuffix(".\(subcommand).1") }, "no man page for \(subcommand) in \(manPages.sorted())")
        }
        let dir = try Self.unpacked()
        #expect(try CLI.read(dir + "/LICENSE") == (try CLI.read(TestPaths.root + "/LICENSE")))
        #expect(try CLI.read(dir + "/share/man/man1/meshdump.1").contains(".Nm meshdump"))
        for subcommand in ["export", "neat", "rewrite", "diff", "check", "apply", "version"] {
            #expect(try CLI.read(dir + "/share/man/man1/meshdump.\(subcommand).1").contains("\nEXAMPLES:\n  # "), "\(subcommand)'s man page has no examples")
        }
        #expect(try CLI.read(dir + "/share/bash-completion/completions/meshdump").contains("export"))
    }

    /// dist/meshdump.yaml, the krew manifest, names this archive's digest and files it holds.
    @Test func krewManifestBesideTheArchiveMatchesIt() throws {
        let archive = URL(fileURLWithPath: try Self.archive.get())
        let manifest = try CLI.read(archive.deletingLastPathComponent().appendingPathComponent("meshdump.yaml").path)
        let digest = try ChildProcess.runTool("sha256sum", [archive.path]).stdout.prefix(64)
        #expect(manifest.contains("    sha256: \(digest)\n"))
        let listing = try ChildProcess.runTool("tar", ["-tzf", archive.path]).stdout
        for from in manifest.split(separator: "\n").compactMap({ $0.wholeMatch(of: /\ {4}- from: (.*)/)?.1 }) {
            #expect(listing.contains("\(from)\n"), "\(from) is not in the archive")
        }
    }

    @Test func sha256FileChecks() throws {
        let archive = URL(fileURLWithPath: try Self.archive.get())
        let check = try ChildProcess.runTool("sha256sum", ["-c", archive.lastPathComponent + ".sha256"],
                                             cwd: archive.deletingLastPathComponent().path)
        #expect(check.code == 0, "\(check.stdout)\(check.stderr)")
    }

    /// `env -i PATH=/usr/bin:/bin`: no toolchain, no LD_LIBRARY_PATH; the binary still prints
    /// its version and neats an object, and ldd names only system libraries.
    @Test func packedBinaryRunsWithoutTheToolchain() throws {
        let binary = try Self.unpacked() + "/bin/meshdump"
        func bare(_ arguments: [String], stdin: String? = nil) throws -> ProcessOutput {
            try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["-i", "PATH=/usr/bin:/bin", binary] + arguments, stdin: stdin)
        }
        let version = try bare(["--version"])
        #expect(version.code == 0, "\(version.stderr)")
        #expect(version.stdout.hasPrefix("meshdump "))
        let input = try CLI.read(CLI.testdata("neat/meaningful-empties/input.yaml"))
        let neat = try bare(["neat"], stdin: input)
        #expect(neat.code == 0, "\(neat.stderr)")
        #expect(neat.stdout == (try CLI.read(CLI.testdata("neat/meaningful-empties/expected.yaml"))))

        let ldd = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["-i", "PATH=/usr/bin:/bin", "ldd", binary])
        #expect(ldd.code == 0)
        for library in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libyaml", "not found"] {
            #expect(!ldd.stdout.contains(library), "\(ldd.stdout)")
        }
        #expect(ldd.stdout.contains("libc.so"))
    }
}

/// release.sh failed; its standard error says why.
struct ReleaseScriptError: Error, CustomStringConvertible {
    var output: String
    var description: String { "scripts/release.sh failed:\n\(output)" }
}
