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
}
