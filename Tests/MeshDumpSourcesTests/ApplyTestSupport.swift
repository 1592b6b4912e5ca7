import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization
@testable import MeshDumpSources

// What the apply tests share: small meshes as trees on disk, an apply of a tree or cluster into
// a fixture server, and what the server holds afterwards.

enum Mesh {
    static func virtualService(_ namespace: String, _ name: String, hosts: [String] = ["h"], version: String = "v1") -> Value {
        ["apiVersion": .string("networking.istio.io/\(version)"), "kind": "VirtualService",
         "metadata": ["name": .string(name), "namespace": .string(namespace)],
         "spec": ["hosts": .sequence(hosts.map(Value.string))]]
    }

    static func gateway(_ namespace: String, _ name: String, port: Int = 80) -> Value {
        ["apiVersion": "networking.istio.io/v1", "kind": "Gateway",
         "metadata": ["name": .string(name), "namespace": .string(namespace)],
         "spec": ["selector": ["istio": "ingressgateway"],
                  "servers": [["hosts": ["*"], "port": ["name": "http", "number": .int(String(port)), "protocol": "HTTP"]]]]]
    }

    static func namespace(_ name: String, labels: Value? = nil) -> Value {
        var value: Value = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
        if let labels { value["metadata"]?["labels"] = labels }
        return value
    }

    /// Three virtual services and a gateway in two namespaces and istio-system.
    static let objects: [Value] = [
        virtualService("team-a", "reviews"), virtualService("team-a", "ratings"), virtualService("team-b", "details"),
        virtualService("team-b", "cart"), gateway("istio-system", "ingress"),
    ]

    /// A cluster with these namespaces and objects.
    static func cluster(namespaces: [String] = ["istio-system", "team-a", "team-b"], objects: [Value] = []) throws -> FixtureCluster {
        var cluster = FixtureCluster()
        for name in namespaces { try cluster.add(namespace(name)) }
        for object in objects { try cluster.add(object) }
        return cluster
    }

    /// Writes `objects` as a tree in export's layout; returns its folder.
    static func tree(_ objects: [Value], in folder: String? = nil) throws -> String {
        let root = try folder ?? scratchFolder("tree") + "/tree"
        try? FileManager.default.removeItem(atPath: root)
        for value in objects {
            let object = try Object(value: value, origin: .generated)
            let path = root + "/" + (try TreeLayout().relativePath(of: object))
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try write(try YAMLWriter.string(value), to: path)
        }
        return root
    }
}

/// One apply into a fixture server.
struct ApplyCase {
    var source: any ObjectSource
    var settings = ApplySettings(tooling: .meshdump(version: "0.1.0"))
    var filter = ObjectFilter()
    var rules: RuleSet?
    var context = "new"
    /// Called with every progress step (tests use it to change the server between phases).
    var onProgress: @Sendable (ApplyProgress) -> Void = { _ in }

    init(tree: String) {
        source = FileSource(paths: [tree])
    }

    init(source: any ObjectSource) {
        self.source = source
    }

    func run(on server: FixtureAPIServer) async throws -> (report: ApplyReport, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        var text = KubeconfigText(server: server.url)
        text.contextName = context
        let stages: [any ObjectStage] = [Neat()] + (rules.map { [RuleStage(rules: $0, diagnostics: diagnostics)] } ?? [])
        let run = ApplyRun(source: source, request: ReadRequest(filter: filter, droppedFields: Neat.droppedFields), stages: StageChain(stages),
                           target: try connection(text), clientOptions: testOptions, settings: settings)
        let report = try await run.run(diagnostics: diagnostics, progress: onProgress)
        return (report, diagnostics.diagnostics)
    }
}

extension ApplySettings {
    /// Pruning with the ApplySet `mesh` in istio-system.
    static func pruning(_ body: (inout ApplySettings) -> Void = { _ in }) -> ApplySettings {
        var settings = ApplySettings(applySet: .secret(named: "mesh"), tooling: .meshdump(version: "0.1.0"))
        body(&settings)
        return settings
    }
}

extension FixtureAPIServer {
    /// The objects the server holds of the eleven kinds, raw, by identity.
    func objects(kinds: KindSelection = KindSelection(), context: String = "check") async throws -> [ObjectID: Object] {
        var text = KubeconfigText(server: url)
        text.contextName = context
        let found = Mutex<[ObjectID: Object]>([:])
        let source = ClusterSource(connection: try connection(text), options: testOptions, diagnostics: DiagnosticCollector())
        _ = try await source.read(ReadRequest(filter: ObjectFilter(kinds: kinds))) { object in found.withLock { $0[object.id] = object } }
        return found.withLock { $0 }
    }

    /// Requests that changed something for real (not dry runs).
    var realWrites: [LoggedRequest] { log.requests.filter { $0.isMutating && !$0.isDryRun } }
}

extension Object {
    var resourceVersion: String? { value[path: ["metadata", "resourceVersion"]]?.stringValue }
    var labels: Value? { value[path: ["metadata", "labels"]] }
}

extension ObjectID {
    static func vs(_ namespace: String, _ name: String) -> ObjectID {
        ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: namespace, name: name)
    }
}
