import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube

/// The write client against the fixture server: what it sends, and how it reads each answer.
@Suite struct WriteTests {
    let virtualServices = ServedKind(kind: IstioKinds.kind(group: "networking.istio.io", kind: "VirtualService")!, version: "v1")

    func cluster(generated: Bool = false) throws -> FixtureCluster {
        var cluster = FixtureCluster()
        if generated { try ClusterGenerator(namespaces: 1, kinds: 1, objectsPerKind: 2).populate(&cluster) }
        for name in ["team-a", "team-b"] { try cluster.add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]) }
        return cluster
    }

    func client(_ server: FixtureAPIServer, namespace: String? = nil) throws -> KubeClient {
        var options = testOptions
        options.retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10))
        return KubeClient(connection: ClusterConnection(contextName: "target", server: try ServerAddress(parsing: server.url), defaultNamespace: namespace),
                          options: options)
    }

    func reviews(_ namespace: String? = "team-a", hosts: [String] = ["reviews"], name: String = "reviews") throws -> Object {
        var metadata: Value = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": metadata,
                                  "spec": ["hosts": .sequence(hosts.map(Value.string))]],
                          origin: .file(path: "tree/team-a/virtualservices/reviews.yaml", document: 0, mark: Mark(line: 1, column: 1)))
    }

    func writes(_ server: FixtureAPIServer) -> [String] {
        server.log.requests.filter(\.isMutating).map { request in
            let query = request.query.keys.sorted().map { "\($0)=\(request.query[$0]!)" }.joined(separator: "&")
            return "\(request.method) \(request.path)?\(query) \(request.status)\(request.isDryRun ? " dry" : "")"
        }
    }

    @Test func applyCreatesThenTellsUnchangedFromConfigured() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            let created = try await client.apply(try reviews(), as: virtualServices)
            #expect(created.change == .created)
            #expect(created.object.value[path: ["spec", "hosts"]] == ["reviews"])
            #expect(created.object.origin == .cluster(context: "target", path: "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews"))
            let again = try await client.apply(try reviews(), as: virtualServices, live: created.object)
            #expect(again.change == .unchanged)
            let changed = try await client.apply(try reviews(hosts: ["reviews", "reviews.example.com"]), as: virtualServices, live: again.object)
            #expect(changed.change == .configured)
            #expect(try await client.apply(try reviews(hosts: ["reviews", "reviews.example.com"]), as: virtualServices).change == .configured)
            await client.shutdown()
            let path = "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews"
            #expect(writes(server) == Array(repeating: "PATCH \(path)?fieldManager=meshdump&fieldValidation=Strict", count: 4).enumerated()
                .map { "\($0.element) \($0.offset == 0 ? 201 : 200)" })
            #expect(server.log.requests.allSatisfy { $0.method != "PATCH" || $0.contentType == "application/apply-patch+yaml" })
        }
    }

    @Test func aConfigurationAlreadyEncodedIsSentAsItIsAndItsAnswerReadAsAsked() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            var body: [UInt8] = []
            try JSONWriter.write(try reviews().configuration(namespace: "team-a"), compact: true, to: &body)
            let created = try await client.apply(configuration: body, as: virtualServices, namespace: "team-a", name: "reviews")
            #expect(created.created && created.status == 201)
            let stored = try #require(try await client.get(virtualServices, namespace: "team-a", name: "reviews"))
            #expect(try created.resourceVersion() == stored.value[path: ["metadata", "resourceVersion"]]?.stringValue)
            #expect(try created.object().value == stored.value)
            #expect(try created.object().origin == .cluster(context: "target", path: "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews"))
            let again = try await client.apply(configuration: body, as: virtualServices, namespace: "team-a", name: "reviews",
                                                options: ApplyOptions(dryRun: true))
            #expect(!again.created && again.status == 200 && again.warnings.isEmpty)
            #expect(try again.resourceVersion() == created.resourceVersion())
            await client.shutdown()
            #expect(writes(server).map { $0.hasSuffix(" dry") } == [false, true])
        }
    }

    @Test func dryRunsCompareTheAnswerWithTheLiveObject() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            let wouldCreate = try await client.apply(try reviews(), as: virtualServices, options: ApplyOptions(dryRun: true))
            #expect(wouldCreate.change == .created)
            let live = try await client.apply(try reviews(), as: virtualServices).object
            let same = try await client.apply(try reviews(), as: virtualServices, options: ApplyOptions(dryRun: true), live: live)
            #expect(same.change == .unchanged)
            let different = try await client.apply(try reviews(hosts: ["x"]), as: virtualServices, options: ApplyOptions(dryRun: true), live: live)
            #expect(different.change == .configured && different.object.value[path: ["spec", "hosts"]] == ["x"])
            #expect(try await client.get(virtualServices, namespace: "team-a", name: "reviews")?.value[path: ["spec", "hosts"]] == ["reviews"])
            await client.shutdown()
            #expect(writes(server).map { $0.hasSuffix(" dry") } == [true, false, true, true])
            #expect(server.log.requests.filter(\.isDryRun).allSatisfy { $0.query["dryRun"] == "All" })
        }
    }

    @Test func aConflictNamesTheManagersAndFieldsAndForceTakesThem() async throws {
        try await withServer(try cluster(generated: true)) { server in
            let client = try client(server)
            let live = try #require(try await client.get(virtualServices, namespace: "payments-0", name: "reviews"))
            let time = try #require(live.value[path: ["metadata", "managedFields"]]?.sequenceValue?.first?["time"]?.stringValue)
            do {
                _ = try await client.apply(try reviews("payments-0", hosts: ["elsewhere"]), as: virtualServices)
                Issue.record("the apply was expected to conflict")
            } catch WriteError.conflict(let conflict) {
                #expect(conflict.message == "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using networking.istio.io/v1 at \(time): .spec.hosts")
                #expect(conflict.fields == [FieldConflict(manager: "kubectl-client-side-apply",
                                                          owner: "\"kubectl-client-side-apply\" using networking.istio.io/v1 at \(time)", field: ".spec.hosts")])
            } catch {
                Issue.record("expected a conflict, got \(error)")
            }
            let forced = try await client.apply(try reviews("payments-0", hosts: ["elsewhere"]), as: virtualServices,
                                                options: ApplyOptions(force: true), live: live)
            #expect(forced.change == .configured && forced.object.value[path: ["spec", "hosts"]] == ["elsewhere"])
            await client.shutdown()
            #expect(server.log.requests.last?.query["force"] == "true")
        }
    }

    @Test func rejectionsAndMissingNamespacesAreTyped() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.admissionDenied(webhook: "validation.istio.io", message: "configuration is invalid: virtual service must have at least one host"),
                                    match: .init(name: "bad")))
            let client = try client(server)
            await #expect(throws: WriteError.rejected(Rejection(code: 400, reason: "BadRequest",
                message: "admission webhook \"validation.istio.io\" denied the request: configuration is invalid: virtual service must have at least one host"))) {
                try await client.apply(try reviews(name: "bad"), as: virtualServices, options: ApplyOptions(dryRun: true))
            }
            await #expect(throws: WriteError.notFound(message: "namespaces \"nope\" not found")) {
                try await client.apply(try reviews("nope"), as: virtualServices)
            }
            var unknown = try reviews()
            unknown.value["spce"] = [:]
            await #expect(throws: WriteError.rejected(Rejection(code: 400, reason: "BadRequest",
                message: "failed to create typed patch object (team-a/reviews; networking.istio.io/v1, Kind=VirtualService): .spce: field not declared in schema"))) {
                try await client.apply(unknown, as: virtualServices)
            }
            await client.shutdown()
            #expect(server.cluster.objectCount == 2)
        }
    }

    @Test func throttledAndFailingWritesAreRetriedThenReported() async throws {
        try await withServer(try cluster()) { server in
            server.faults.add(Fault(.status(429), match: .init(name: "reviews", method: "PATCH"), times: 1))
            server.faults.add(Fault(.status(503), match: .init(name: "down", method: "PATCH")))
            let client = try client(server)
            #expect(try await client.apply(try reviews(), as: virtualServices).change == .created)
            await #expect(throws: WriteError.failed(.status(code: 503, reason: "ServiceUnavailable", message: "The server is currently unable to handle the request",
                path: "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/down?fieldManager=meshdump&fieldValidation=Strict"))) {
                try await client.apply(try reviews(name: "down"), as: virtualServices)
            }
            await client.shutdown()
            #expect(writes(server).map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["429", "201", "503", "503", "503"])
        }
    }

    @Test func deleteHonoursTheUidPreconditionAndDryRun() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            let uid = try #require(try await client.apply(try reviews(), as: virtualServices).object.value[path: ["metadata", "uid"]]?.stringValue)
            do {
                try await client.delete(virtualServices, namespace: "team-a", name: "reviews", options: DeleteOptions(uid: "re-created"))
                Issue.record("the delete was expected to fail its precondition")
            } catch WriteError.preconditionFailed(let message) {
                #expect(message == "Operation cannot be fulfilled on virtualservices.networking.istio.io \"reviews\": Precondition failed: UID in precondition: re-created, UID in object meta: \(uid)")
            } catch {
                Issue.record("expected preconditionFailed, got \(error)")
            }
            try await client.delete(virtualServices, namespace: "team-a", name: "reviews", options: DeleteOptions(uid: uid, dryRun: true))
            #expect(try await client.get(virtualServices, namespace: "team-a", name: "reviews") != nil)
            try await client.delete(virtualServices, namespace: "team-a", name: "reviews", options: DeleteOptions(uid: uid))
            #expect(try await client.get(virtualServices, namespace: "team-a", name: "reviews") == nil)
            await #expect(throws: WriteError.notFound(message: "virtualservices.networking.istio.io \"reviews\" not found")) {
                try await client.delete(virtualServices, namespace: "team-a", name: "reviews", options: DeleteOptions(uid: uid))
            }
            await client.shutdown()
            #expect(writes(server).filter { $0.hasPrefix("DELETE") }.map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") }
                == ["409", "200 dry", "200", "404"])
        }
    }

    @Test func createNamespaceOnceAndNamespacesAreListedAfresh() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server, namespace: "team-c")
            #expect(try await client.namespaces() == ["team-a", "team-b"])
            #expect(try await client.createNamespace("team-c", dryRun: true))
            #expect(try await client.namespaces() == ["team-a", "team-b"])
            #expect(try await client.createNamespace("team-c"))
            #expect(try await !client.createNamespace("team-c"))
            #expect(try await client.namespaces() == ["team-a", "team-b", "team-c"])
            let defaulted = try await client.apply(try reviews(nil), as: virtualServices)
            #expect(defaulted.object.namespace == "team-c")
            await client.shutdown()
            #expect(writes(server).prefix(3) == ["POST /api/v1/namespaces?dryRun=All&fieldManager=meshdump 201 dry",
                                                 "POST /api/v1/namespaces?fieldManager=meshdump 201", "POST /api/v1/namespaces?fieldManager=meshdump 409"])
        }
    }

    @Test func clusterScopedObjectsAreAppliedWithoutANamespace() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server, namespace: "team-a")
            let namespaces = ServedKind(kind: Kind(group: "", kind: "Namespace", resource: "namespaces", versions: ["v1"], namespaced: false, isDefault: false),
                                        version: "v1")
            #expect(try await client.namespaces() == ["team-a", "team-b"])
            let namespace = try Object(value: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team-c", "namespace": "stray",
                                                                                                   "labels": ["istio-injection": "enabled"]]], origin: .generated)
            let applied = try await client.apply(namespace, as: namespaces)
            #expect(applied.change == .created && applied.object.namespace.isEmpty)
            #expect(applied.object.value[path: ["metadata", "labels"]] == ["istio-injection": "enabled", "kubernetes.io/metadata.name": "team-c"])
            #expect(try await client.namespaces() == ["team-a", "team-b", "team-c"])
            await client.shutdown()
            #expect(writes(server) == ["PATCH /api/v1/namespaces/team-c?fieldManager=meshdump&fieldValidation=Strict 201"])
        }
    }
}
