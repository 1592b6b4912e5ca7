import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Testing
@testable import MeshDumpSources

/// What `meshdump apply` refuses, and that a refusal changes nothing: rejections at the dry
/// run, `--dry-run`, conflicts with other managers, takeovers, other tools' sets, kinds,
/// versions and namespaces the target lacks, and a source that cannot be read.
@Suite struct ApplySafetyTests {
    @Test func aRejectionAtTheDryRunChangesNothingAndEveryRejectionIsSaid() async throws {
        let tree = try Mesh.tree(Mesh.objects)
        try await withServer(try Mesh.cluster()) { server in
            for name in ["ratings", "cart"] {
                server.faults.add(Fault(.admissionDenied(webhook: "validation.istio.io", message: "configuration is invalid: \(name) is bad"),
                                        match: .init(resource: "virtualservices", name: name, method: "PATCH")))
            }
            let run = try await ApplyCase(tree: tree).with(settings: .pruning()).run(on: server)
            #expect(run.report.result == .refused)
            #expect(run.report.exitCode == 1)
            #expect(run.report.objects.map(\.id) == [.vs("team-a", "ratings"), .vs("team-b", "cart")])
            let errors = run.diagnostics.filter { $0.severity == .error }.map(\.description)
            #expect(errors.contains("\(tree)/team-a/virtualservices/ratings.yaml:1:1: error: VirtualService team-a/ratings: rejected by the dry run: admission webhook \"validation.istio.io\" denied the request: configuration is invalid: ratings is bad"))
            #expect(errors.contains { $0.contains("team-b/virtualservices/cart.yaml:1:1") && $0.contains("cart is bad") })
            #expect(server.realWrites.isEmpty, "no mutating request without dryRun, the ApplySet parent included")
            #expect(try await server.objects().isEmpty)
            #expect(server.log.requests.filter { $0.isDryRun }.count == 6, "the parent and every object were dry-run")
        }
    }

    @Test func dryRunPlansAsDiffAndNeverWrites() async throws {
        let folder = try scratchFolder() + "/tree"
        _ = try Mesh.tree(Mesh.objects, in: folder)
        try await withServer(try Mesh.cluster()) { server in
            _ = try await ApplyCase(tree: folder).with(settings: .pruning()).run(on: server)
            let before = try await server.objects()
            server.log.clear()
            _ = try Mesh.tree([Mesh.virtualService("team-a", "reviews", hosts: ["reviews.new"]), Mesh.virtualService("team-a", "ratings"),
                               Mesh.virtualService("team-b", "added"), Mesh.gateway("istio-system", "ingress")], in: folder)
            let plan = try await ApplyCase(tree: folder).with(settings: .pruning { $0.dryRun = true }).run(on: server)
            #expect(plan.report.result == .planned && plan.report.exitCode == 0)
            #expect(server.realWrites.isEmpty)
            #expect(try await server.objects().mapValues(\.resourceVersion) == before.mapValues(\.resourceVersion))
            let text = String(decoding: try DiffFormat.text.render(try #require(plan.report.plan)), as: UTF8.self)
            #expect(text == """
                ~ VirtualService team-a/reviews
                  ~ spec.hosts[0]: h → reviews.new
                + VirtualService team-b/added
                - VirtualService team-b/cart
                - VirtualService team-b/details
                1 changed, 1 added, 2 removed, 2 unchanged

                """)
            #expect(plan.report.count(.pruned) == 2 && plan.report.count(.created) == 1 && plan.report.count(.configured) == 1)
        }
    }

    @Test func aConflictNamesTheManagersAndFieldsAndForceTakesThem() async throws {
        let tree = try Mesh.tree([Mesh.virtualService("team-a", "reviews", hosts: ["mine"])])
        try await withServer(try Mesh.cluster()) { server in
            let client = KubeClient(connection: try connection(KubeconfigText(server: server.url)), options: testOptions)
            let kind = ServedKind(kind: IstioKinds.kind(group: "networking.istio.io", kind: "VirtualService")!, version: "v1")
            _ = try await client.apply(try Object(value: Mesh.virtualService("team-a", "reviews", hosts: ["theirs"]), origin: .generated),
                                       as: kind, options: ApplyOptions(fieldManager: "istio-operator"))
            await client.shutdown()
            server.log.clear()

            let refused = try await ApplyCase(tree: tree).run(on: server)
            #expect(refused.report.result == .refused)
            #expect(refused.report.objects.first?.message == "rejected by the dry run: conflict with other field managers on .spec.hosts (owned by \"istio-operator\"); --force-conflicts takes them")
            #expect(server.realWrites.isEmpty)

            var forced = ApplyCase(tree: tree)
            forced.settings.forceConflicts = true
            let taken = try await forced.run(on: server)
            #expect(taken.report.result == .applied && taken.report.count(.configured) == 1)
            #expect(try await server.objects()[.vs("team-a", "reviews")]?.value[path: ["spec", "hosts"]] == ["mine"])
        }
    }

    @Test func anObjectOutsideTheSetIsNotTakenOverUnlessForced() async throws {
        let tree = try Mesh.tree(Mesh.objects)
        try await withServer(try Mesh.cluster(objects: [Mesh.virtualService("team-a", "reviews")])) { server in
            let refused = try await ApplyCase(tree: tree).with(settings: .pruning()).run(on: server)
            #expect(refused.report.result == .refused)
            #expect(refused.report.objects.map(\.message) == ["exists and is not part of the ApplySet (no applyset.kubernetes.io/part-of label); --force-conflicts takes it over"])
            #expect(server.log.requests.allSatisfy { !$0.isMutating }, "refused before the dry run")

            let forced = try await ApplyCase(tree: tree).with(settings: .pruning { $0.forceConflicts = true }).run(on: server)
            #expect(forced.report.result == .applied, "\(forced.diagnostics)")
            #expect(try await server.objects()[.vs("team-a", "reviews")]?.labels?["applyset.kubernetes.io/part-of"] == .string(ApplySetParent.secret(named: "mesh").id))
        }
    }

    @Test func aSetOfAnotherToolIsRefused() async throws {
        let parent = ApplySetParent.secret(named: "mesh")
        let secret: Value = ["apiVersion": "v1", "kind": "Secret", "metadata": [
            "name": "mesh", "namespace": "istio-system", "labels": ["applyset.kubernetes.io/id": .string(parent.id)],
            "annotations": ["applyset.kubernetes.io/tooling": "kubectl/v1.32.4", "applyset.kubernetes.io/contains-group-kinds": ""]]]
        try await withServer(try Mesh.cluster(objects: [secret])) { server in
            let run = try await ApplyCase(tree: try Mesh.tree(Mesh.objects)).with(settings: .pruning()).run(on: server)
            #expect(run.report.result == .refused)
            #expect(run.diagnostics.map(\.message).contains("ApplySet parent Secret istio-system/mesh already exists and is managed by tooling \"kubectl\" instead of \"meshdump\""))
            #expect(server.log.requests.allSatisfy { !$0.isMutating })
        }
    }

    @Test func kindsAndVersionsTheTargetDoesNotServeAreNamed() async throws {
        let foo: Value = ["apiVersion": "example.com/v1", "kind": "Foo", "metadata": ["name": "x", "namespace": "team-a"]]
        let tree = try Mesh.tree([Mesh.virtualService("team-a", "old", version: "v1alpha9"), Mesh.virtualService("team-a", "older", version: "v1alpha9"),
                                  foo, Mesh.virtualService("team-a", "fine")])
        try await withServer(try Mesh.cluster()) { server in
            let run = try await ApplyCase(tree: tree).run(on: server)
            #expect(run.report.result == .refused)
            let errors = run.diagnostics.filter { $0.severity == .error }.map(\.message)
            #expect(errors == [
                "Foo team-a/x: the target does not serve Foo.example.com: the server does not serve API group example.com",
                "VirtualService team-a/old: the target does not serve networking.istio.io/v1alpha9 VirtualService; it serves VirtualService at networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3 (and 1 more object)",
            ])
            #expect(server.log.requests.allSatisfy { !$0.isMutating })
        }
    }

    @Test func missingNamespacesAreCreatedOnlyWhenAsked() async throws {
        let tree = try Mesh.tree(Mesh.objects + [Mesh.namespace("team-b", labels: ["istio-injection": "enabled"])])
        try await withServer(try Mesh.cluster(namespaces: ["istio-system"])) { server in
            let refused = try await ApplyCase(tree: tree).run(on: server)
            #expect(refused.report.result == .refused)
            #expect(refused.diagnostics.map(\.message).contains("VirtualService team-a/ratings: namespace team-a does not exist on the target (--create-namespaces creates it) (and 1 more object)"))
            #expect(server.log.requests.allSatisfy { !$0.isMutating })

            let created = try await ApplyCase(tree: tree).with(settings: ApplySettings(createNamespaces: true, tooling: .meshdump(version: "0.1.0"))).run(on: server)
            #expect(created.report.result == .applied, "\(created.diagnostics)")
            #expect(created.report.count(.created) == 6)
            #expect(created.report.createdNamespaces == ["team-a", "team-b"], "team-b from its Namespace object, team-a bare")
            let client = KubeClient(connection: try connection(KubeconfigText(server: server.url)), options: testOptions)
            let namespaces = ServedKind(kind: Kind(group: "", kind: "Namespace", resource: "namespaces", versions: ["v1"], namespaced: false, isDefault: false), version: "v1")
            let teamB = try await client.get(namespaces, namespace: nil, name: "team-b")
            #expect(try await client.namespaces() == ["istio-system", "team-a", "team-b"])
            await client.shutdown()
            #expect(teamB?.labels?["istio-injection"] == "enabled", "made from the source's Namespace object")
        }
    }

    /// `--dry-run --create-namespaces` creates nothing either: the objects in the namespaces
    /// that are missing are planned as added, unchecked, and said so.
    @Test func dryRunCreatesNoNamespace() async throws {
        let tree = try Mesh.tree(Mesh.objects)
        try await withServer(try Mesh.cluster(namespaces: ["istio-system"])) { server in
            let plan = try await ApplyCase(tree: tree).with(settings: .pruning { $0.dryRun = true; $0.createNamespaces = true }).run(on: server)
            #expect(plan.report.result == .planned, "\(plan.diagnostics)")
            #expect(plan.report.count(.created) == 5 && plan.report.createdNamespaces.isEmpty)
            #expect(server.realWrites.isEmpty)
            #expect(plan.diagnostics.map(\.message).contains("namespace team-a does not exist yet: 2 objects in it not checked by the dry run"))
            #expect(plan.report.objects.first { $0.id == .vs("team-a", "reviews") }?.message == "not checked by the dry run: namespace team-a does not exist yet")
        }
    }

    @Test func aFailureWhileApplyingPrunesNothing() async throws {
        let folder = try scratchFolder() + "/tree"
        _ = try Mesh.tree(Mesh.objects, in: folder)
        try await withServer(try Mesh.cluster()) { server in
            _ = try await ApplyCase(tree: folder).with(settings: .pruning()).run(on: server)
            _ = try Mesh.tree([Mesh.virtualService("team-a", "reviews", hosts: ["changed"]), Mesh.gateway("istio-system", "ingress")], in: folder)
            var run = ApplyCase(tree: folder).with(settings: .pruning())
            run.onProgress = { progress in
                // Once the dry run is over, the real apply of reviews is refused.
                if progress.phase == "dry run", progress.done == progress.total {
                    server.faults.add(Fault(.reject(code: 422, reason: "Invalid", message: "spec.hosts: Invalid value"),
                                            match: .init(resource: "virtualservices", name: "reviews", method: "PATCH")))
                }
            }
            let result = try await run.run(on: server)
            #expect(result.report.result == .failed && result.report.exitCode == 1)
            #expect(result.report.objects.map { "\($0.id) \($0.outcome!.rawValue)" } == ["Gateway istio-system/ingress unchanged", "VirtualService team-a/reviews failed"])
            #expect(server.log.requests.allSatisfy { $0.method != "DELETE" })
            #expect(try await server.objects().count == 5)
        }
    }

    /// Prune deletes with the uid it listed: a member deleted and re-created between the listing
    /// and the prune is left alone, and said so.
    @Test func anObjectRecreatedBeforeThePruneIsNotDeleted() async throws {
        let folder = try scratchFolder() + "/tree"
        _ = try Mesh.tree(Mesh.objects, in: folder)
        try await withServer(try Mesh.cluster()) { server in
            _ = try await ApplyCase(tree: folder).with(settings: .pruning()).run(on: server)
            let listed = try #require(try await server.objects()[.vs("team-b", "cart")]?.value[path: ["metadata", "uid"]])
            _ = try Mesh.tree(Mesh.objects.filter { $0[path: ["metadata", "name"]] != "cart" }, in: folder)
            var run = ApplyCase(tree: folder).with(settings: .pruning())
            run.onProgress = { progress in
                // After the listing (phase 2) and before the prune, someone re-creates cart.
                guard progress.phase == "dry run", progress.done == progress.total else { return }
                let finished = DispatchSemaphore(value: 0)
                Task.detached { [server] in
                    try? await Self.recreate(Mesh.virtualService("team-b", "cart"), on: server)
                    finished.signal()
                }
                finished.wait()
            }
            let result = try await run.run(on: server)
            #expect(result.report.result == .failed && result.report.exitCode == 1)
            let cart = try #require(result.report.objects.first { $0.id == .vs("team-b", "cart") })
            #expect(cart.outcome == .failed)
            let message = try #require(cart.message)
            #expect(message.hasPrefix("not pruned: re-created since it was listed (the delete's uid precondition failed: Operation cannot be fulfilled"), "\(message)")
            #expect(message.contains("Precondition failed: UID in precondition: \(listed.stringValue ?? "")"))
            let now = try #require(try await server.objects()[.vs("team-b", "cart")], "still there")
            #expect(now.value[path: ["metadata", "uid"]] != listed, "the one re-created")
            let deletes = server.log.requests.filter { $0.method == "DELETE" && !$0.isDryRun }
            #expect(deletes.count == 2, "one by the test, one refused by its precondition")
        }
    }

    /// Deletes `value` from `server` and creates it again, labelled as a member of the set `mesh`.
    private static func recreate(_ value: Value, on server: FixtureAPIServer) async throws {
        let client = KubeClient(connection: try connection(KubeconfigText(server: server.url)), options: testOptions)
        let kind = ServedKind(kind: IstioKinds.kind(group: "networking.istio.io", kind: "VirtualService")!, version: "v1")
        var member = value
        member["metadata"]?["labels"] = ["applyset.kubernetes.io/part-of": .string(ApplySetParent.secret(named: "mesh").id)]
        let object = try Object(value: member, origin: .generated)
        do {
            try await client.delete(kind, namespace: object.namespace, name: object.name)
            _ = try await client.apply(object, as: kind, options: ApplyOptions(fieldManager: "someone"))
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    /// An object without a namespace goes to the target's default one, where the source may
    /// already hold it: one object twice, which only discovery (the kind's scope) can tell.
    @Test func twoObjectsThatAreOneOnTheTargetAreRefused() async throws {
        var bare = Mesh.virtualService("default", "x")
        bare["metadata"]?["namespace"] = nil
        let folder = try scratchFolder()
        try write(try YAMLWriter.string(bare), to: folder + "/bare.yaml")
        try write(try YAMLWriter.string(Mesh.virtualService("default", "x")), to: folder + "/default.yaml")
        try await withServer(try Mesh.cluster(namespaces: ["default"])) { server in
            let error = await #expect(throws: ApplyInputError.self) { try await ApplyCase(tree: folder).run(on: server) }
            #expect(error?.description == "VirtualService default/x is defined twice in \(folder): at \(folder)/bare.yaml:1:1 and at \(folder)/default.yaml:1:1")
            #expect(server.realWrites.isEmpty && !server.log.requests.contains { $0.isDryRun })
        }
    }

    @Test(arguments: [
        ("broken.yaml", "kind: VirtualService\nmetadata: {name: x\n", "broken.yaml:"),
        ("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: a}\n",
         "ConfigMap a/x is defined twice"),
    ])
    func aSourceThatCannotBeReadSendsNothing(_ file: String, _ text: String, _ message: String) async throws {
        let folder = try scratchFolder()
        try write(text, to: folder + "/" + file)
        try await withServer(try Mesh.cluster()) { server in
            let error = await #expect(throws: ApplyInputError.self) { try await ApplyCase(tree: folder).run(on: server) }
            #expect(error?.description.contains(message) == true, "\(String(describing: error))")
            #expect(server.log.requests.isEmpty)
        }
    }
}
