import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump

/// The tree writer: the seed's layout, atomic replacement, and names that cannot escape.
struct TreeWriterTests {
    static func object(_ kind: String = "VirtualService", _ namespace: String, _ name: String,
                       group: String = "networking.istio.io/v1") throws -> Object {
        var metadata: Value = ["name": .string(name)]
        if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
        return try Object(value: ["apiVersion": .string(group), "kind": .string(kind), "metadata": metadata, "spec": [:]],
                          origin: .generated)
    }

    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("treewriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func files(_ root: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue { found.append(p) }
        }
        return found.sorted()
    }

    @Test func writesTheSeedLayoutAndReplacesOnReexport() throws {
        let root = try temporaryDirectory() + "/data"
        let first = try TreeWriter(root: root)
        try first.write(try Self.object("VirtualService", "team-a", "reviews.v1"))
        try first.write(try Self.object("AuthorizationPolicy", "team-b", "allow", group: "security.istio.io/v1"))
        try first.write(try Self.object("Namespace", "", "team-a", group: "v1"))
        try first.commit()
        #expect(files(root) == [".meshdump", "_cluster/namespaces/team-a.yaml", "team-a/virtualservices/reviews.v1.yaml",
                                "team-b/authorizationpolicies/allow.yaml"])
        #expect(try String(contentsOfFile: root + "/team-a/virtualservices/reviews.v1.yaml", encoding: .utf8) ==
                "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews.v1\n  namespace: team-a\nspec: {}\n")

        let second = try TreeWriter(root: root)
        try second.write(try Self.object("VirtualService", "team-a", "ratings"))
        try second.commit()
        #expect(files(root) == [".meshdump", "team-a/virtualservices/ratings.yaml"])
        #expect(files(root + "/..").count == 2, "no staging folders left beside the tree")
    }

    @Test func abortLeavesTheOldTreeUntouched() throws {
        let root = try temporaryDirectory() + "/data"
        let first = try TreeWriter(root: root)
        try first.write(try Self.object("VirtualService", "a", "x"))
        try first.commit()
        let second = try TreeWriter(root: root)
        try second.write(try Self.object("VirtualService", "a", "y"))
        second.abort()
        #expect(files(root) == [".meshdump", "a/virtualservices/x.yaml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/..") == ["data"])
    }

    @Test func refusesAFolderItDidNotWriteUnlessForced() throws {
        let root = try temporaryDirectory()
        try "notes".write(toFile: root + "/README", atomically: true, encoding: .utf8)
        #expect(throws: TreeError.self) { try TreeWriter(root: root) }
        let forced = try TreeWriter(root: root, force: true)
        try forced.write(try Self.object("VirtualService", "a", "x"))
        try forced.commit()
        #expect(files(root) == [".meshdump", "a/virtualservices/x.yaml"])
    }

    @Test(arguments: ["a/b", "..", ".", String(repeating: "x", count: 254), "nul\u{0}byte"])
    func refusesNamesThatEscape(_ name: String) throws {
        let writer = try TreeWriter(root: try temporaryDirectory() + "/data")
        #expect(throws: ObjectError.self) { try writer.write(try Self.object("VirtualService", "a", name)) }
        writer.abort()
    }

    @Test func refusesABadNamespace() throws {
        let writer = try TreeWriter(root: try temporaryDirectory() + "/data")
        do {
            try writer.write(try Self.object("VirtualService", "../etc", "x"))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "<generated>: VirtualService ../etc/x: the namespace contains \"/\", so it cannot be a file in the tree")
        }
        writer.abort()
    }

    @Test func twoObjectsForOneFileIsAnError() throws {
        let writer = try TreeWriter(root: try temporaryDirectory() + "/data")
        try writer.write(try Self.object("VirtualService", "a", "x"))
        do {
            try writer.write(try Self.object("VirtualService", "a", "x", group: "networking.istio.io/v1beta1"))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "<generated>: VirtualService a/x would be written to a/virtualservices/x.yaml, which VirtualService a/x (<generated>) already took")
        }
        #expect(writer.count == 1)
        writer.abort()
    }

    // MARK: issue 11

    /// Issue 11: a legal 253-byte name, and a name with a newline, each get a file.
    @Test func everyLegalNameGetsAFile() throws {
        let root = try temporaryDirectory() + "/data"
        let writer = try TreeWriter(root: root)
        let long = String(repeating: "n", count: 253)
        let dotted = String(repeating: "a", count: 200) + "." + String(repeating: "b", count: 52)
        try writer.write(try Self.object("VirtualService", "a", long))
        try writer.write(try Self.object("VirtualService", "a", dotted))
        try writer.write(try Self.object("VirtualService", "a", "two\nlines"))
        try writer.write(try Self.object("VirtualService", ".meshdump", "x"))
        try writer.commit()
        #expect(files(root) == ["%2Emeshdump/virtualservices/x.yaml", ".meshdump",
                                "a/virtualservices/" + String(repeating: "a", count: 200) + "/%2E" + String(repeating: "b", count: 52) + ".yaml",
                                "a/virtualservices/" + String(repeating: "n", count: 200) + "/" + String(repeating: "n", count: 53) + ".yaml",
                                "a/virtualservices/two%0Alines.yaml"])
        let back = try FileSource(paths: [root]).objects().map(\.name).sorted()
        #expect(back == [long, dotted, "two\nlines", "x"].sorted())
    }

    /// Issue 11: the staging folder's file system is flushed before the swap, and a flush
    /// that fails is an error (the tree is not swapped in), not ignored.
    @Test func aFileSystemThatCannotBeFlushedIsAnError() throws {
        try FileSystem.syncFileSystem(of: try temporaryDirectory())
        #expect(throws: InputError.self) { try FileSystem.syncFileSystem(of: "/nonexistent-meshdump-folder") }
    }

    /// Issue 11: every failed commit left `.data.meshdump-staging-PID` behind.
    @Test func aFailedCommitLeavesNoStagingFolder() throws {
        let parent = try temporaryDirectory()
        let writer = try TreeWriter(root: parent + "/data")
        try writer.write(try Self.object("VirtualService", "a", "x"))
        try "in the way".write(toFile: parent + "/data", atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try writer.commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["data"])
    }

    /// Issue 11: staging folders of processes that died stay forever; the next run removes
    /// them, putting back a `.git` that was carried over when the process died.
    @Test func staleStagingFoldersOfDeadProcessesAreRemoved() throws {
        let parent = try temporaryDirectory()
        let root = parent + "/data"
        let first = try TreeWriter(root: root)
        try first.write(try Self.object("VirtualService", "a", "x"))
        try first.commit()
        let stale = parent + "/.data.meshdump-staging-999999999"
        try FileManager.default.createDirectory(atPath: stale + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: stale + "/a/virtualservices", withIntermediateDirectories: true)
        try "HEAD".write(toFile: stale + "/.git/HEAD", atomically: true, encoding: .utf8)
        let second = try TreeWriter(root: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [".data.meshdump-staging-\(getpid())", "data"])
        #expect(FileManager.default.fileExists(atPath: root + "/.git/HEAD"))
        second.abort()
    }

    @Test(arguments: ["", ".", "..", "/", "data/.", "data/..", "./"])
    func foldersThatCannotBeReplacedAreRefused(_ output: String) throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        #expect(throws: TreeError.self) { try TreeWriter(root: output, force: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["data"])
    }

    @Test func anExistingFileAndALinkToNothingAreRefused() throws {
        let dir = try temporaryDirectory()
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nowhere")
        #expect(throws: TreeError.notADirectory(dir + "/file")) { try TreeWriter(root: dir + "/file") }
        #expect(throws: TreeError.unusable(dir + "/dangling", "is a symbolic link to nothing")) { try TreeWriter(root: dir + "/dangling") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["dangling", "file"])
    }

    @Test(.enabled(if: FileSystem.isMountPoint("/dev/shm"), "needs /dev/shm to be a mount point"))
    func aMountPointIsRefused() throws {
        #expect(throws: TreeError.self) { try TreeWriter(root: "/dev/shm", force: true) }
    }

    /// Issue 11: `-o link` replaced the link with a folder and left its target stale.
    @Test func aLinkToATreeIsFollowedAndKept() throws {
        let dir = try temporaryDirectory()
        let first = try TreeWriter(root: dir + "/real")
        try first.write(try Self.object("VirtualService", "a", "x"))
        try first.commit()
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: "real")
        let second = try TreeWriter(root: dir + "/link")
        try second.write(try Self.object("VirtualService", "a", "y"))
        try second.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link") == "real")
        #expect(files(dir + "/real") == [".meshdump", "a/virtualservices/y.yaml"])
    }

    /// Issue 11: a re-export silently deleted the user's files inside the tree. `.git` (any
    /// top-level dot entry) is kept; other files meshdump did not write are refused.
    @Test func aTreeKeptInGitKeepsItsGitAndForeignFilesAreRefused() throws {
        let root = try temporaryDirectory() + "/data"
        let first = try TreeWriter(root: root)
        try first.write(try Self.object("VirtualService", "a", "x"))
        try first.commit()
        try FileManager.default.createDirectory(atPath: root + "/.git/objects", withIntermediateDirectories: true)
        try "ref".write(toFile: root + "/.git/HEAD", atomically: true, encoding: .utf8)
        let second = try TreeWriter(root: root)
        try second.write(try Self.object("VirtualService", "a", "y"))
        try second.commit()
        #expect(files(root) == [".git/HEAD", ".meshdump", "a/virtualservices/y.yaml"])

        try "mine".write(toFile: root + "/a/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: TreeError.foreignFiles(root, ["a/notes.txt"])) { try TreeWriter(root: root) }
        let forced = try TreeWriter(root: root, force: true)
        try forced.write(try Self.object("VirtualService", "a", "z"))
        try forced.commit()
        #expect(files(root) == [".git/HEAD", ".meshdump", "a/virtualservices/z.yaml"])
    }

    /// The marker lists the files in byte order whatever order they were written in.
    @Test func theMarkerListsTheFilesSorted() throws {
        let root = try temporaryDirectory() + "/data"
        let writer = try TreeWriter(root: root)
        for name in ["c", "a", "b"] { try writer.write(try Self.object("VirtualService", "n", name)) }
        try writer.commit()
        #expect(try String(contentsOfFile: root + "/.meshdump", encoding: .utf8) == TreeManifest.header
                + "n/virtualservices/a.yaml\nn/virtualservices/b.yaml\nn/virtualservices/c.yaml\n")
    }

    /// Issue 11: the writer checked for a folder, then made it outside its lock, so a task
    /// could write into a folder another had not made yet.
    @Test func manyTasksWritingIntoNewFoldersAtOnce() async throws {
        let root = try temporaryDirectory() + "/data"
        let writer = try TreeWriter(root: root)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for i in 0..<100 { try writer.write(try Self.object("VirtualService", "ns-\(i % 10)", "o-\(task)-\(i)")) }
                }
            }
            try await group.waitForAll()
        }
        try writer.commit()
        #expect(files(root).count == 801)
    }

    /// Issue 11: `--allow-partial` dropped the old files of the kinds that failed.
    @Test func keptKindsKeepTheirOldFiles() throws {
        let root = try temporaryDirectory() + "/data"
        let first = try TreeWriter(root: root)
        try first.write(try Self.object("VirtualService", "a", "x"))
        try first.write(try Self.object("Gateway", "a", "gw"))
        try first.write(try Self.object("Gateway", "b", "gw"))
        try first.commit()
        let second = try TreeWriter(root: root)
        try second.write(try Self.object("VirtualService", "a", "y"))
        try second.write(try Self.object("Gateway", "a", "partial"))
        try second.write(try Self.object("Gateway", "c", "partial"))
        try second.commit(keeping: [.init(folder: nil, resource: "gateways")])
        #expect(files(root) == [".meshdump", "a/gateways/gw.yaml", "a/virtualservices/y.yaml", "b/gateways/gw.yaml"])
        #expect(TreeManifest.read(root + "/.meshdump") == ["a/gateways/gw.yaml", "a/virtualservices/y.yaml", "b/gateways/gw.yaml"])
    }
}
