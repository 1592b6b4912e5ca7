import MeshDumpCore
import Testing
@testable import MeshDump

/// A `cluster:` side: how it is named, what it asks the cluster for, and that a cluster's
/// objects (with everything the server adds) compare equal to the tree exported from it.
struct DiffClusterSideTests {
    @Test(arguments: [
        ("cluster:", SourceSpec.cluster(context: nil)),
        ("cluster:prod-eu", .cluster(context: "prod-eu")),
        ("./cluster:prod", .path("./cluster:prod")),
        ("cluster", .path("cluster")),
        ("-", .path("-")),
        ("data/team-a", .path("data/team-a")),
    ])
    func specs(argument: String, spec: SourceSpec) throws {
        #expect(try SourceSpec(parsing: argument) == spec)
        #expect(spec.description == argument)
    }

    @Test func requestTakesSidesKindsAndNamespaces() throws {
        let request = try DiffRequest(old: "cluster:", new: "cluster:dr-site", kinds: "vs,gw", namespaces: ["b", "a"], clusterOptions: true)
        let gw = IstioKinds.named("gw")!, vs = IstioKinds.named("vs")!
        #expect(request.old == .cluster(context: nil))
        #expect(request.new == .cluster(context: "dr-site"))
        #expect(request.filter.kinds == KindSelection(kinds: [vs, gw]))
        #expect(request.filter.namespaces == ["a", "b"])
    }

    /// Objects as an API server returns them, selected as a cluster source selects.
    struct ServerObjects: ObjectSource, SourceResolver {
        var objects: [Object]
        var name: String { "cluster:test" }
        var isLive: Bool { true }

        func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
            for object in objects where request.filter.includes(object) { try deliver(object) }
            return []
        }

        /// Files as files, any cluster as these objects.
        func source(for spec: SourceSpec) throws -> any ObjectSource {
            spec.isCluster ? self : try FileSourceResolver().source(for: spec)
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
        let tree = try FileSource(paths: [DiffGoldenTests.new]).objects()
        let served = try tree.enumerated().map { try Self.asServed($1, $0) }
        let request = try DiffRequest(old: DiffGoldenTests.new, new: "cluster:test")
        let result = try await request.makeRun(resolver: ServerObjects(objects: served)).run()
        #expect(!result.hasDifferences)
        #expect(result.unchanged == tree.count)

        // Without neat, every object differs: neat is what makes them equal.
        let raw = try await DiffRun(old: FileSource(paths: [DiffGoldenTests.new]), new: ServerObjects(objects: served), neat: false).run()
        #expect(raw.changedCount == tree.count)
    }

    @Test func clusterSideChangesShowWithTheirClusterOrigin() async throws {
        let tree = try FileSource(paths: [DiffGoldenTests.old]).objects()
        let served = try FileSource(paths: [DiffGoldenTests.new]).objects().enumerated().map { try Self.asServed($1, $0) }
        let result = try await DiffRun(old: FileSource(paths: [DiffGoldenTests.old]), new: ServerObjects(objects: served),
                                       filter: ObjectFilter(kinds: KindSelection(kinds: [IstioKinds.named("gw")!]))).run()
        #expect(result.summary == "1 changed, 0 added, 0 removed, 0 unchanged")
        let json = String(decoding: try DiffFormat.json.render(result), as: UTF8.self)
        #expect(json.contains(#""newSource": "test: /apis/x""#))
        #expect(tree.contains { $0.kind == "Gateway" })
    }
}
