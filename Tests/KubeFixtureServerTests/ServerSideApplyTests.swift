import MeshDumpCore
import Testing
@testable import KubeFixtureServer

/// Server-side apply on the fixture server: create, update, no-op, ownership, conflicts, dry runs.
@Suite struct ServerSideApplyTests {
    @Test func applyCreatesWithServerFieldsAndAnApplyEntry() throws {
        let server = WriteHarness(try namespacesCluster())
        let before = server.resourceVersion
        let (status, created) = try server.apply(virtualService(labels: ["app": "reviews"]))
        #expect(status == 201)
        let metadata = try #require(created["metadata"])
        #expect(metadata["resourceVersion"] == .string(String(before + 1)))
        #expect(metadata["generation"] == 1)
        #expect(metadata["uid"]?.stringValue?.count == 36)
        #expect(metadata["creationTimestamp"]?.stringValue?.hasSuffix("Z") == true)
        let entries = try #require(metadata["managedFields"]?.sequenceValue)
        #expect(entries.count == 1)
        #expect(entries[0]["manager"] == "meshdump" && entries[0]["operation"] == "Apply" && entries[0]["apiVersion"] == "networking.istio.io/v1")
        #expect(entries[0]["fieldsV1"] == ["f:metadata": ["f:labels": ["f:app": [:]]], "f:spec": ["f:hosts": [:]]])
        #expect(created["spec"] == ["hosts": ["reviews"]])
        let fetched = try server.send("GET", "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews")
        #expect(fetched.status == 200 && fetched.value == created)
    }

    @Test func anUnchangedApplyIsANoOpAndChangesMoveResourceVersionAndGeneration() throws {
        let server = WriteHarness(try namespacesCluster())
        try server.apply(virtualService(labels: ["app": "reviews"]))
        let first = server.resourceVersion
        let again = try server.apply(virtualService(labels: ["app": "reviews"]))
        #expect(again.status == 200 && again.value[path: ["metadata", "resourceVersion"]] == .string(String(first)))
        #expect(server.resourceVersion == first)
        let relabelled = try server.apply(virtualService(labels: ["app": "reviews", "tier": "web"]))
        #expect(relabelled.value[path: ["metadata", "resourceVersion"]] == .string(String(first + 1)))
        #expect(relabelled.value[path: ["metadata", "generation"]] == 1)
        let respecified = try server.apply(virtualService(hosts: ["reviews", "reviews.example.com"], labels: ["app": "reviews", "tier": "web"]))
        #expect(respecified.value[path: ["metadata", "resourceVersion"]] == .string(String(first + 2)))
        #expect(respecified.value[path: ["metadata", "generation"]] == 2)
        #expect(respecified.value[path: ["metadata", "uid"]] == relabelled.value[path: ["metadata", "uid"]])
    }

    @Test func fieldsTheManagerNoLongerAppliesAreRemoved() throws {
        let server = WriteHarness(try namespacesCluster())
        try server.apply(virtualService(labels: ["app": "reviews", "old": "x"], extra: ["gateways": ["mesh"], "exportTo": ["."]]))
        let (_, updated) = try server.apply(virtualService(labels: ["app": "reviews"], extra: ["exportTo": ["."]]))
        #expect(updated["spec"] == ["hosts": ["reviews"], "exportTo": ["."]])
        #expect(updated[path: ["metadata", "labels"]] == ["app": "reviews"])
        let (_, bare) = try server.apply(virtualService())
        #expect(bare[path: ["metadata", "labels"]] == nil)
        #expect(bare[path: ["metadata", "managedFields"]]?.sequenceValue?.first?["fieldsV1"] == ["f:spec": ["f:hosts": [:]]])
    }

    /// Objects made by `kubectl apply` (client-side): kubectl-client-side-apply owns every field.
    @Test func changingAFieldAnotherManagerOwnsIsAConflictUnlessForced() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 1, kinds: 1, objectsPerKind: 1).populate(&cluster)
        let server = WriteHarness(cluster)
        let path = "/apis/networking.istio.io/v1/namespaces/payments-0/virtualservices/reviews"
        let live = try server.send("GET", path).value
        let time = try #require(live[path: ["metadata", "managedFields"]]?.sequenceValue?.first?["time"]?.stringValue)
        var changed = virtualService(namespace: "payments-0", hosts: ["reviews.example.com"])
        changed["spec"]?["gateways"] = live[path: ["spec", "gateways"]]
        let before = server.resourceVersion
        let refused = try server.apply(changed)
        #expect(refused.status == 409)
        #expect(refused.value["reason"] == "Conflict")
        #expect(refused.value["message"] == .string("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using networking.istio.io/v1 at \(time): .spec.hosts"))
        #expect(refused.value[path: ["details", "causes"]] == [["reason": "FieldManagerConflict",
            "message": .string("conflict with \"kubectl-client-side-apply\" using networking.istio.io/v1 at \(time)"), "field": ".spec.hosts"]])
        #expect(server.resourceVersion == before)
        let forced = try server.apply(changed, options: "&force=true")
        #expect(forced.status == 200 && forced.value[path: ["spec", "hosts"]] == ["reviews.example.com"])
        let entries = try #require(forced.value[path: ["metadata", "managedFields"]]?.sequenceValue)
        let csa = try #require(entries.first { $0["manager"] == "kubectl-client-side-apply" })
        #expect(csa[path: ["fieldsV1", "f:spec", "f:hosts"]] == nil && csa[path: ["fieldsV1", "f:spec", "f:http"]] != nil)
    }

    @Test func severalConflictsAreGroupedByManager() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 1, kinds: 1, objectsPerKind: 1).populate(&cluster)
        let server = WriteHarness(cluster)
        try server.apply(virtualService(namespace: "payments-0", hosts: ["a"]), manager: "other", options: "&force=true")
        let refused = try server.apply(virtualService(namespace: "payments-0", hosts: ["b"], labels: ["app": "other"]))
        let message = try #require(refused.value["message"]?.stringValue)
        #expect(message.hasPrefix("Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using networking.istio.io/v1 at "))
        #expect(message.hasSuffix(":\n- .metadata.labels.app\nconflicts with \"other\":\n- .spec.hosts"))
    }

    @Test func equalValuesAreSharedNotConflicting() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 1, kinds: 1, objectsPerKind: 1).populate(&cluster)
        let server = WriteHarness(cluster)
        var same = try server.send("GET", "/apis/networking.istio.io/v1/namespaces/payments-0/virtualservices/reviews").value
        for key in ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "annotations"] { same["metadata"]?[key] = nil }
        same["status"] = nil
        let first = try server.apply(same)
        #expect(first.status == 200)
        #expect(first.value[path: ["metadata", "managedFields"]]?.sequenceValue?.compactMap { $0["manager"]?.stringValue }
            == ["kubectl-client-side-apply", "pilot-discovery", "meshdump"])
        let rv = server.resourceVersion
        #expect(try server.apply(same).value[path: ["metadata", "resourceVersion"]] == .string(String(rv)))
    }

    @Test func dryRunAnswersAsIfDoneAndStoresNothing() throws {
        let server = WriteHarness(try namespacesCluster())
        let before = server.resourceVersion
        let created = try server.apply(virtualService(), options: "&dryRun=All")
        #expect(created.status == 201 && created.value[path: ["metadata", "uid"]] != nil)
        #expect(created.value[path: ["metadata", "resourceVersion"]] == nil)
        #expect(try server.send("GET", "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews").status == 404)
        try server.apply(virtualService())
        let stored = server.resourceVersion
        let updated = try server.apply(virtualService(hosts: ["changed"]), options: "&dryRun=All")
        #expect(updated.status == 200 && updated.value[path: ["spec", "hosts"]] == ["changed"])
        #expect(updated.value[path: ["metadata", "resourceVersion"]] == .string(String(stored)))
        #expect(try server.send("GET", "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews").value[path: ["spec", "hosts"]] == ["reviews"])
        #expect(server.resourceVersion == before + 1)
        #expect(server.app.log.requests.filter(\.isMutating).map(\.isDryRun) == [true, false, true])
    }

    @Test(arguments: [
        ("/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews", "application/apply-patch+yaml", 422,
         "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"),
        ("/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews?fieldManager=m", "application/merge-patch+json", 415,
         "the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml"),
        ("/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/other?fieldManager=m", "application/apply-patch+yaml", 400,
         "the name of the object (reviews) does not match the name on the URL (other)"),
        ("/apis/networking.istio.io/v1/namespaces/team-b/virtualservices/reviews?fieldManager=m", "application/apply-patch+yaml", 400,
         "the namespace of the provided object does not match the namespace sent on the request"),
        ("/apis/networking.istio.io/v1beta1/namespaces/team-a/virtualservices/reviews?fieldManager=m", "application/apply-patch+yaml", 400,
         "the API version in the data (networking.istio.io/v1) does not match the expected API version (networking.istio.io/v1beta1)"),
        ("/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews?fieldManager=m&dryRun=Some", "application/apply-patch+yaml", 400,
         "dryRun: Unsupported value: \"Some\": supported values: \"All\""),
    ])
    func badAppliesAreRefusedAsTheAPIServerRefusesThem(uri: String, contentType: String, status: Int, message: String) throws {
        let server = WriteHarness(try namespacesCluster())
        let answer = try server.send("PATCH", uri, body: virtualService(), contentType: contentType)
        #expect(answer.status == status && answer.value["message"] == .string(message))
        #expect(server.app.cluster.objectCount == 2)
    }

    @Test func aMissingNamespaceAndUnknownFieldsAreRefused() throws {
        let server = WriteHarness(try namespacesCluster())
        let missing = try server.apply(virtualService(namespace: "nope"))
        #expect(missing.status == 404 && missing.value["message"] == "namespaces \"nope\" not found")
        var unknown = virtualService()
        unknown["spce"] = ["hosts": ["x"]]
        let strict = try server.apply(unknown)
        #expect(strict.status == 400 && strict.value["message"] == "failed to create typed patch object (team-a/reviews; networking.istio.io/v1, Kind=VirtualService): .spce: field not declared in schema")
        #expect(try server.apply(unknown, options: "&fieldValidation=Ignore").status == 201)
    }

    @Test func appliedLabelsAreSelectable() throws {
        let server = WriteHarness(try namespacesCluster())
        try server.apply(virtualService("a", labels: ["applyset.kubernetes.io/part-of": "applyset-x-v1"]))
        try server.apply(virtualService("b", namespace: "team-b", labels: ["applyset.kubernetes.io/part-of": "applyset-x-v1"]))
        try server.apply(virtualService("c"))
        let listed = try server.send("GET", "/apis/networking.istio.io/v1/virtualservices?labelSelector=applyset.kubernetes.io%2Fpart-of%3Dapplyset-x-v1").value
        #expect(listed["items"]?.sequenceValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["a", "b"])
        #expect(listed[path: ["metadata", "resourceVersion"]] == .string(String(server.resourceVersion)))
    }
}
