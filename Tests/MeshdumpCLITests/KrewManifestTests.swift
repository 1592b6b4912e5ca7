import Foundation
import Testing
import TestSupport

/// Issue 9: the krew plugin manifest scripts/krew-manifest.sh makes from plugins/meshdump.yaml
/// for a release archive (release.sh writes it as dist/meshdump.yaml).
@Suite(.enabled(if: Tools.installed("bash", "sed", "sha256sum"), "bash, sed or sha256sum is missing"))
struct KrewManifestTests {
    /// A stand-in archive: the manifest needs its name and its bytes, not a release build.
    func archive(named name: String) throws -> String {
        let dir = try TestPaths.temporaryDirectory()
        try CLI.write("not really an archive\n", to: dir + "/" + name)
        return dir + "/" + name
    }

    func manifest(_ arguments: [String]) throws -> ProcessOutput {
        try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["scripts/krew-manifest.sh"] + arguments, cwd: TestPaths.root)
    }

    @Test func manifestNamesTheArchiveItsDigestAndTheBinary() throws {
        let path = try archive(named: "meshdump-1.2.3-linux-x86_64.tar.gz")
        let r = try manifest([path, "https://example.com/releases/v1.2.3/meshdump-1.2.3-linux-x86_64.tar.gz"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == (try CLI.read(CLI.testdata("krew/meshdump-1.2.3-linux-x86_64.yaml"))))
        // A Kubernetes-style object meshdump itself reads.
        let neat = try CLI.run(["neat", "-f", CLI.testdata("krew/meshdump-1.2.3-linux-x86_64.yaml"), "-o", "json"])
        #expect(neat.code == 0, "\(neat.stderr)")
        #expect(neat.stdout.contains("\"kind\": \"Plugin\""))
    }

    @Test func withoutAURLTheManifestPointsAtTheLocalArchive() throws {
        let path = try archive(named: "meshdump-0.1.0-linux-aarch64.tar.gz")
        let r = try manifest([path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("    uri: file://\(path)\n"))
        #expect(r.stdout.contains("        arch: arm64\n"))
        #expect(r.stdout.contains("    - from: meshdump-0.1.0-linux-aarch64/bin/meshdump\n"))
        #expect(r.stdout.contains("  version: v0.1.0\n"))
    }

    @Test func anArchiveNotNamedAsReleaseNamesThemIsRefused() throws {
        let path = try archive(named: "meshdump.tar.gz")
        let r = try manifest([path])
        #expect(r.code == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "krew-manifest.sh: \(path) is not named meshdump-VERSION-linux-MACHINE.tar.gz\n")
    }
}
