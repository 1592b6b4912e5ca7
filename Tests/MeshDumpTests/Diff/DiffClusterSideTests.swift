import MeshDumpCore
import Testing
@testable import MeshDump

/// A `cluster:` side: how it is named, what it asks the cluster for, and that a cluster's
/// objects (with everything the server adds) compare equal to the tree exported from it.
struct DiffClusterSideTests {
    @Test(arguments: [
        ("cluster:", DiffOperand.cluster(context: nil)),
        ("cluster:prod-eu", .cluster(context: "prod-eu")),
        ("./cluster:prod", .path("./cluster:prod")),
        ("cluster", .path("cluster")),
        ("-", .path("-")),
        ("data/team-a", .path("data/team-a")),
    ])
    func operands(argument: String, operand: DiffOperand) throws {
        #expect(try DiffOperand(parsing: argument) == operand)
        #expect(operand.description == argument)
    }

    @Test func listingTakesContextKindsAndNamespaces() throws {
        let request = try DiffRequest(old: "cluster:", new: "cluster:dr-site", kinds: "vs,gw", namespaces: ["b", "a"],
                                      context: "main", kubeconfig: "/k")
        let gw = IstioKinds.named("gw")!, vs = IstioKinds.named("vs")!
        #expect(request.clusterListing(for: request.old) == ClusterListing(context: "main", kubeconfig: "/k", kinds: KindSelection(kinds: [vs, gw]), namespaces: ["a", "b"]))
        #expect(request.clusterListing(for: request.new)?.context == "dr-site")
        let plain = try DiffRequest(old: "cluster:", new: "tree")
        #expect(plain.clusterListing(for: plain.old) == ClusterListing(context: nil, kubeconfig: nil, kinds: KindSelection(), namespaces: nil))
        #expect(plain.clusterListing(for: plain.new) == nil)
    }

    /// Objects as an API server returns them.
    struct ServerObjects: DiffSource {
        var objects: [Object]
        var name: String { "cluster:test" }
        func forEachObject(_ body: (Object) throws -> Void) async throws {
            for object in objects { try body(object) }
        }
    }

    /// What the server adds to every object it stores.
    static func asServed(_ object: Object, _ i: Int) throws -> Object {
        var value = object.value
        var metadata = value["metadata"]!.mappingValue!
        metadata["uid"] = .string("0c2f5e3a-\(i)")
        metadata["resourceVersion"] = .string(String(1000 + i))
        metadata["generation"] = 3
        metadata["creationTimestamp"] = "2024-05-01T10:00:00Z"
        metadata["managedFields"] = [["manager": "kubectl", "operation": "Update"]]
        var annotations = metadata["annotations"]?.mappingValue ?? Mapping()
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = "{}"
        metadata["annotations"] = .mapping(annotations)
        value["metadata"] = .mapping(metadata)
        value["status"] = ["validationMessages": []]
        return try Object(value: value, origin: .cluster(context: "test", path: "/apis/x"))
    }

    @Test func clusterSideIsNeatedSoItsTreeComparesEqual() async throws {
        let tree = try FileObjectSource(paths: [DiffGoldenTests.new]).objects()
        let served = try tree.enumerated().map { try Self.asServed($1, $0) }
        let request = try DiffRequest(old: DiffGoldenTests.new, new: "cluster:test")
        var asked: ClusterListing?
        let run = try request.makeRun { listing in
            asked = listing
            return NeatedDiffSource(ServerObjects(objects: served))
        }
        #expect(asked?.context == "test")
        let result = try await run.run()
        #expect(!result.hasDifferences)
        #expect(result.unchanged == tree.count)

        // Without neat, every object differs: the wrapper is what makes them equal.
        let raw = try await DiffRun(old: FileDiffSource(path: DiffGoldenTests.new), new: ServerObjects(objects: served)).run()
        #expect(raw.changedCount == tree.count)
    }

    @Test func clusterSideChangesShowWithTheirClusterOrigin() async throws {
        let tree = try FileObjectSource(paths: [DiffGoldenTests.old]).objects()
        let served = try FileObjectSource(paths: [DiffGoldenTests.new]).objects().enumerated().map { try Self.asServed($1, $0) }
        let result = try await DiffRun(old: FileDiffSource(path: DiffGoldenTests.old), new: NeatedDiffSource(ServerObjects(objects: served)),
                                       filter: ObjectFilter(kinds: KindSelection(kinds: [IstioKinds.named("gw")!]))).run()
        #expect(result.summary == "1 changed, 0 added, 0 removed, 0 unchanged")
        let json = String(decoding: try DiffFormat.json.render(result), as: UTF8.self)
        #expect(json.contains(#""newSource": "test: /apis/x""#))
        #expect(tree.contains { $0.kind == "Gateway" })
    }
}
