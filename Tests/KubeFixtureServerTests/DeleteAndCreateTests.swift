import Foundation
import MeshDumpCore
import Testing
@testable import KubeFixtureServer

/// DELETE with preconditions and dry runs, POST creates, and faults on writes.
@Suite struct DeleteAndCreateTests {
    let path = "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/reviews"

    func deleteOptions(uid: String? = nil, resourceVersion: String? = nil, dryRun: Bool = false) -> Value {
        var options: Value = ["kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Background"]
        var preconditions: Value = [:]
        if let uid { preconditions["uid"] = .string(uid) }
        if let resourceVersion { preconditions["resourceVersion"] = .string(resourceVersion) }
        options["preconditions"] = preconditions
        if dryRun { options["dryRun"] = ["All"] }
        return options
    }

    @Test func deleteChecksPreconditionsAndHonoursDryRun() throws {
        let server = WriteHarness(try namespacesCluster())
        let uid = try #require(try server.apply(virtualService()).value[path: ["metadata", "uid"]]?.stringValue)
        let stale = try server.send("DELETE", path, body: deleteOptions(uid: "0000"))
        #expect(stale.status == 409 && stale.value["reason"] == "Conflict")
        #expect(stale.value["message"] == .string("Operation cannot be fulfilled on virtualservices.networking.istio.io \"reviews\": Precondition failed: UID in precondition: 0000, UID in object meta: \(uid)"))
        let oldVersion = try server.send("DELETE", path, body: deleteOptions(resourceVersion: "1"))
        #expect(oldVersion.status == 409 && oldVersion.value["message"]?.stringValue?.hasSuffix("Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: \(server.resourceVersion)") == true)
        let dry = try server.send("DELETE", path, body: deleteOptions(uid: uid, dryRun: true))
        #expect(dry.status == 200 && dry.value[path: ["details", "uid"]] == .string(uid))
        #expect(try server.send("GET", path).status == 200)
        let done = try server.send("DELETE", path, body: deleteOptions(uid: uid))
        #expect(done.status == 200 && done.value == ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success",
                                                     "details": ["name": "reviews", "group": "networking.istio.io", "kind": "virtualservices", "uid": .string(uid)]])
        #expect(try server.send("GET", path).status == 404)
        let gone = try server.send("DELETE", path, body: deleteOptions(uid: uid))
        #expect(gone.status == 404 && gone.value["message"] == "virtualservices.networking.istio.io \"reviews\" not found")
        let deletes = server.app.log.requests.filter { $0.method == "DELETE" }
        #expect(deletes.map(\.isDryRun) == [false, false, true, false, false])
    }

    @Test func aRecreatedObjectHasANewUid() throws {
        let server = WriteHarness(try namespacesCluster())
        let first = try server.apply(virtualService()).value[path: ["metadata", "uid"]]
        try server.send("DELETE", path)
        let second = try server.apply(virtualService()).value[path: ["metadata", "uid"]]
        #expect(first != nil && second != nil && first != second)
    }

    @Test func createNamespaceThenAlreadyExistsAndDeletingItTakesItsObjects() throws {
        let server = WriteHarness(try namespacesCluster([]))
        let namespace: Value = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team-a"]]
        let dry = try server.send("POST", "/api/v1/namespaces?dryRun=All", body: namespace)
        #expect(dry.status == 201 && server.app.cluster.objectCount == 0)
        let created = try server.send("POST", "/api/v1/namespaces?fieldManager=kubectl-create", body: namespace)
        #expect(created.status == 201)
        #expect(created.value[path: ["metadata", "labels"]] == ["kubernetes.io/metadata.name": "team-a"])
        #expect(created.value[path: ["status", "phase"]] == "Active" && created.value[path: ["metadata", "generation"]] == nil)
        #expect(created.value[path: ["metadata", "managedFields"]]?.sequenceValue?.first?["manager"] == "kubectl-create")
        let again = try server.send("POST", "/api/v1/namespaces", body: namespace)
        #expect(again.status == 409 && again.value["reason"] == "AlreadyExists" && again.value["message"] == "namespaces \"team-a\" already exists")
        try server.apply(virtualService())
        #expect(try server.send("DELETE", "/api/v1/namespaces/team-a").status == 200)
        #expect(server.app.cluster.objectCount == 0)
    }

    @Test func faultsRefuseNamedObjectsAndStoreNothing() throws {
        let server = WriteHarness(try namespacesCluster())
        server.app.faults.add(Fault(.admissionDenied(webhook: "validation.istio.io",
                                                     message: "configuration is invalid: virtual service must have at least one host"),
                                    match: .init(name: "bad")))
        server.app.faults.add(Fault(.conflict, match: .init(name: "busy", method: "PATCH"), times: 1))
        server.app.faults.add(Fault(.status(429, retryAfter: 1), match: .init(resource: "virtualservices", method: "PATCH"), times: 1))
        let throttled = try server.apply(virtualService("ok"))
        #expect(throttled.status == 429 && throttled.value["reason"] == "TooManyRequests")
        #expect(try server.apply(virtualService("ok")).status == 201)
        let denied = try server.apply(virtualService("bad"), options: "&dryRun=All")
        #expect(denied.status == 400 && denied.value["reason"] == "BadRequest")
        #expect(denied.value["message"] == "admission webhook \"validation.istio.io\" denied the request: configuration is invalid: virtual service must have at least one host")
        let busy = try server.apply(virtualService("busy"))
        #expect(busy.status == 409 && busy.value["message"] == "Operation cannot be fulfilled on virtualservices.networking.istio.io \"busy\": the object has been modified; please apply your changes to the latest version and try again")
        #expect(try server.apply(virtualService("busy")).status == 201)
        #expect(try server.send("GET", "/apis/networking.istio.io/v1/namespaces/team-a/virtualservices/bad").status == 404)
    }
}

/// Timestamps written by hand must be what a date formatter writes.
@Test(arguments: [0.0, 951_782_400, 1_741_944_413, 4_107_542_399, -86_401])
func timestampsAreRFC3339(seconds: Double) {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    let date = Date(timeIntervalSince1970: seconds)
    #expect(ServerFields.timestamp(date) == formatter.string(from: date))
}
