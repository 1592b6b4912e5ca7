import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// What a diff refuses: an unreadable file, one identity twice on one side, malformed input,
/// usage mistakes. Each error names what is wrong.
struct DiffErrorTests {
    static func run(old: String, new: String) async throws -> DiffResult {
        try await DiffRun(old: FileSource(paths: [old]), new: FileSource(paths: [new])).run()
    }

    /// The real Istio corpus holds one VirtualService in two files: as a tree it is ambiguous.
    @Test func duplicateIdentityInRealFilesNamesBoth() async throws {
        let corpus = TestPaths.testdata("istio-configs").path
        await #expect {
            _ = try await Self.run(old: corpus, new: DiffGoldenTests.new)
        } throws: { error in
            let e = error as? DuplicateObjectError
            return e?.id == ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: "foo", name: "productpage")
                && "\(e!)" == "VirtualService foo/productpage is defined twice in \(corpus): at \(corpus)/istio__pkg__config__analysis__analyzers__testdata__deprecation.yaml:15:1 and at \(corpus)/istio__pkg__config__analysis__analyzers__testdata__virtualservice_conflictingmeshgatewayhosts.yaml:1:1"
        }
    }

    /// Files are read in parallel but reported as if read one after the other: a duplicate in
    /// the second file is the error, not the malformed third file read by the same task.
    @Test func firstErrorInFileOrderWins() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            let object = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ns}\n"
            try DiffTestSupport.write(object, to: dir + "/old/a.yaml")
            try DiffTestSupport.write(object, to: dir + "/old/b.yaml")
            try DiffTestSupport.write("apiVersion: v1\nkind: [\n", to: dir + "/old/c.yaml")
            await #expect {
                _ = try await Self.run(old: dir + "/old", new: DiffGoldenTests.new)
            } throws: { error in
                "\(error)" == "ConfigMap ns/a is defined twice in \(dir)/old: at \(dir)/old/a.yaml:1:1 and at \(dir)/old/b.yaml:1:1"
            }
        }
    }

    @Test func duplicateIdentityOnTheNewSideAcrossVersions() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            let object = "apiVersion: networking.istio.io/VERSION\nkind: Gateway\nmetadata: {name: g, namespace: ns}\n"
            try DiffTestSupport.write(object.replacingOccurrences(of: "VERSION", with: "v1"), to: dir + "/old/g.yaml")
            try DiffTestSupport.write(object.replacingOccurrences(of: "VERSION", with: "v1"), to: dir + "/new/a/g.yaml")
            try DiffTestSupport.write("---\n" + object.replacingOccurrences(of: "VERSION", with: "v1beta1"), to: dir + "/new/b/g.json")
            await #expect {
                _ = try await Self.run(old: dir + "/old", new: dir + "/new")
            } throws: { error in
                "\(error)" == "Gateway ns/g is defined twice in \(dir)/new: at \(dir)/new/a/g.yaml:1:1 and at \(dir)/new/b/g.json:2:1"
            }
        }
    }

    @Test func brokenSymbolicLinkIsAnErrorNamingIt() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", to: dir + "/old/a.yaml")
            try FileManager.default.createDirectory(atPath: dir + "/new", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir + "/new/a.yaml", withDestinationPath: dir + "/nowhere.yaml")
            await #expect {
                _ = try await Self.run(old: dir + "/old", new: dir + "/new")
            } throws: { error in
                "\(error)" == "\(dir)/new/a.yaml: cannot be read: a broken symbolic link"
            }
        }
    }

    @Test(.disabled(if: Tools.isRoot, "root reads a file whatever its permissions"))
    func fileWithoutPermissionIsAnErrorNamingIt() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", to: dir + "/a.yaml")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: dir + "/a.yaml")
            await #expect {
                _ = try await Self.run(old: dir + "/a.yaml", new: dir)
            } throws: { error in
                "\(error)" == "\(dir)/a.yaml: Permission denied"
            }
        }
    }

    @Test func malformedYAMLNamesFileLineAndColumn() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n", to: dir + "/bad.yaml")
            await #expect {
                _ = try await Self.run(old: DiffGoldenTests.old, new: dir)
            } throws: { error in
                (error as? ReadError)?.source == dir + "/bad.yaml" && (error as? ReadError)?.mark.line == 4
            }
        }
    }

    @Test func documentThatIsNotAnObjectIsNamed() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write("kind: ConfigMap\nmetadata: {name: a}\n", to: dir + "/x.yaml")
            await #expect {
                _ = try await Self.run(old: dir + "/x.yaml", new: DiffGoldenTests.new)
            } throws: { error in
                "\(error)" == "\(dir)/x.yaml:1:1: not a Kubernetes object: it has no apiVersion"
            }
        }
    }

    @Test(arguments: [
        (["-", "-"], "OLD and NEW cannot both be standard input"),
        (["a", ""], "an empty argument names no tree, file or cluster"),
        (["cluster:my context", "b"], "\"cluster:my context\": a kubeconfig context name has no spaces (write ./cluster:my context for a local path)"),
    ])
    func usageMistakes(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try DiffRequest(old: arguments[0], new: arguments[1]) }
    }

    @Test func clusterOptionsNeedAClusterSide() {
        #expect(throws: UsageError("--context and --kubeconfig apply to a cluster: side, and neither OLD nor NEW is one")) {
            try DiffRequest(old: "a", new: "b", clusterOptions: true)
        }
    }

    @Test func unknownKindIsRefused() {
        #expect(throws: KindSelectionError(name: "virtualsevice")) { try DiffRequest(old: "a", new: "b", kinds: "vs,virtualsevice") }
        #expect(throws: KindSelectionError(name: nil)) { try DiffRequest(old: "a", new: "b", kinds: " , ") }
    }
}
