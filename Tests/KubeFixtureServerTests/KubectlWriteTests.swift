import Foundation
import MeshDumpCore
import Testing
@testable import KubeFixtureServer
import TestSupport

/// The real kubectl writing to the fixture server: `apply --server-side` (it first reads
/// `/openapi/v3` to learn that PATCH takes `fieldValidation`), conflicts, server dry runs,
/// `create ns` (sent as protobuf) and `delete` (which then GETs until the object is gone).
@Suite(.serialized, .enabled(if: ChildProcess.which("kubectl") != nil, "kubectl is not installed"))
struct KubectlWriteTests {
    /// A server with namespaces team-a and team-b and a kubectl home pointing at it.
    struct Setup {
        let server: FixtureAPIServer
        let home: String

        init() async throws {
            server = try await FixtureAPIServer.start(cluster: try namespacesCluster())
            home = try TestPaths.temporaryDirectory()
            var config = KubeconfigText(server: server.url)
            config.namespace = "team-a"
            try config.yaml.write(toFile: home + "/config", atomically: true, encoding: .utf8)
        }

        func kubectl(_ arguments: [String]) throws -> ProcessOutput {
            try ChildProcess.runTool("kubectl", ["--kubeconfig", home + "/config", "--cache-dir", home + "/cache"] + arguments, cwd: home,
                                     environment: ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        }

        func write(_ name: String, _ text: String) throws {
            let path = home + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func stored(_ name: String, namespace: String = "team-a") -> Value? {
            let type = ResourceType(IstioKinds.kind(group: "networking.istio.io", kind: "VirtualService")!)
            return server.cluster.find(type, namespace: namespace, name: name)?.value(apiVersion: "networking.istio.io/v1")
        }
    }

    static let reviews = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
        """

    @Test func serverSideApplyCreatesThenLeavesUnchangedObjectsAlone() async throws {
        let setup = try await Setup()
        defer { Task { try? await setup.server.stop() } }
        try setup.write("tree/00-namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-c\n")
        try setup.write("tree/team-c.yaml", Self.reviews.replacingOccurrences(of: "name: reviews", with: "name: reviews\n  namespace: team-c"))
        try setup.write("tree/team-a.yaml", Self.reviews)
        let first = try setup.kubectl(["apply", "--server-side", "-R", "-f", "tree"])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout == "namespace/team-c serverside-applied\nvirtualservice.networking.istio.io/reviews serverside-applied\nvirtualservice.networking.istio.io/reviews serverside-applied\n")
        let created = try #require(setup.stored("reviews"))
        #expect(created[path: ["metadata", "managedFields"]]?.sequenceValue?.map { "\($0["manager"]?.stringValue ?? "") \($0["operation"]?.stringValue ?? "")" } == ["kubectl Apply"])
        #expect(setup.stored("reviews", namespace: "team-c") != nil)
        let version = setup.server.cluster.resourceVersion
        #expect(try setup.kubectl(["apply", "--server-side", "-R", "-f", "tree"]).code == 0)
        #expect(setup.server.cluster.resourceVersion == version)
        #expect(setup.stored("reviews") == created)
        let patches = setup.server.log.requests.filter { $0.method == "PATCH" }
        #expect(patches.count == 6 && patches.allSatisfy { $0.query["fieldManager"] == "kubectl" && $0.contentType == "application/apply-patch+yaml" })
        #expect(setup.server.log.requests.contains { $0.path == "/openapi/v3" })
    }

    @Test func anotherManagersFieldIsAConflictUntilForced() async throws {
        let setup = try await Setup()
        defer { Task { try? await setup.server.stop() } }
        try setup.write("reviews.yaml", Self.reviews)
        #expect(try setup.kubectl(["apply", "--server-side", "-f", "reviews.yaml"]).code == 0)
        try setup.write("reviews.yaml", Self.reviews.replacingOccurrences(of: "[reviews]", with: "[reviews.example.com]"))
        let refused = try setup.kubectl(["apply", "--server-side", "--field-manager", "meshdump", "-f", "reviews.yaml"])
        #expect(refused.code == 1)
        #expect(refused.stderr.hasPrefix("error: Apply failed with 1 conflict: conflict with \"kubectl\": .spec.hosts\n"))
        let forced = try setup.kubectl(["apply", "--server-side", "--field-manager", "meshdump", "--force-conflicts", "-f", "reviews.yaml"])
        #expect(forced.code == 0)
        #expect(setup.stored("reviews")?[path: ["spec", "hosts"]] == ["reviews.example.com"])
    }

    @Test func serverDryRunsChangeNothing() async throws {
        let setup = try await Setup()
        defer { Task { try? await setup.server.stop() } }
        try setup.write("reviews.yaml", Self.reviews)
        let dry = try setup.kubectl(["apply", "--server-side", "--dry-run=server", "-f", "reviews.yaml"])
        #expect(dry.code == 0 && dry.stdout == "virtualservice.networking.istio.io/reviews serverside-applied (server dry run)\n")
        #expect(setup.stored("reviews") == nil)
        let writes = setup.server.log.requests.filter(\.isMutating)
        #expect(!writes.isEmpty && writes.allSatisfy { $0.isDryRun })
    }

    @Test func createNamespaceAndDelete() async throws {
        let setup = try await Setup()
        defer { Task { try? await setup.server.stop() } }
        let created = try setup.kubectl(["create", "ns", "team-c"])
        #expect(created.code == 0 && created.stdout == "namespace/team-c created\n", "\(created.stderr)")
        #expect(setup.server.cluster.find(.namespace, namespace: nil, name: "team-c") != nil)
        try setup.write("reviews.yaml", Self.reviews)
        #expect(try setup.kubectl(["apply", "--server-side", "-f", "reviews.yaml"]).code == 0)
        let deleted = try setup.kubectl(["delete", "-f", "reviews.yaml"])
        #expect(deleted.code == 0 && deleted.stdout == "virtualservice.networking.istio.io \"reviews\" deleted\n", "\(deleted.stderr)")
        #expect(setup.stored("reviews") == nil)
        let again = try setup.kubectl(["delete", "-f", "reviews.yaml"])
        #expect(again.code == 1 && again.stderr.contains("virtualservices.networking.istio.io \"reviews\" not found"))
        #expect(try setup.kubectl(["delete", "ns", "team-c"]).code == 0)
        #expect(setup.server.cluster.find(.namespace, namespace: nil, name: "team-c") == nil)
    }
}
