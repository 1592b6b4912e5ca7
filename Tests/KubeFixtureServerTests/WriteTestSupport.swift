import Foundation
import MeshDumpCore
import Testing
@testable import KubeFixtureServer

/// A fixture server app driven request by request, for the write tests.
struct WriteHarness {
    let app: ServerApp

    init(_ cluster: FixtureCluster = FixtureCluster()) {
        var cluster = cluster
        cluster.seal()
        app = ServerApp(cluster: cluster, auth: ServerAuth(), faults: FaultInjector(), log: RequestLog(), serverAddress: "127.0.0.1:1")
    }

    /// One request; the answer's status and body.
    @discardableResult
    func send(_ method: String, _ uri: String, body: Value? = nil, contentType: String? = nil) throws -> (status: Int, value: Value) {
        let bytes = body.map { JSONText.bytes($0) } ?? []
        let reply = app.reply(method: method, uri: uri, authorization: nil, accept: nil, certificateCommonName: nil,
                              contentType: contentType ?? (method == "PATCH" ? "application/apply-patch+yaml" : "application/json"),
                              userAgent: "kubectl/v1.32.4 (linux/amd64)", body: bytes)
        let value = reply.body.isEmpty ? Value.null : try #require(try YAMLReader(bytes: reply.body, source: "reply").next()).value
        return (reply.status, value)
    }

    /// Server-side applies `object` as `manager` (query options appended).
    @discardableResult
    func apply(_ object: Value, manager: String = "meshdump", options: String = "") throws -> (status: Int, value: Value) {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue
        let plural = (object["kind"]?.stringValue ?? "").lowercased() + "s"
        let prefix = apiVersion.contains("/") ? "/apis/\(apiVersion)" : "/api/\(apiVersion)"
        let path = namespace.map { "\(prefix)/namespaces/\($0)/\(plural)/\(name)" } ?? "\(prefix)/\(plural)/\(name)"
        return try send("PATCH", "\(path)?fieldManager=\(manager)\(options)", body: object)
    }

    var resourceVersion: Int { app.cluster.resourceVersion }
}

/// A VirtualService to apply.
func virtualService(_ name: String = "reviews", namespace: String = "team-a", hosts: [String] = ["reviews"],
                    labels: Value? = nil, extra: [String: Value] = [:]) -> Value {
    var spec: Value = ["hosts": .sequence(hosts.map(Value.string))]
    for (key, value) in extra { spec[key] = value }
    var metadata: Value = ["name": .string(name), "namespace": .string(namespace)]
    if let labels { metadata["labels"] = labels }
    return ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": metadata, "spec": spec]
}

/// A cluster with the namespaces the write tests use.
func namespacesCluster(_ names: [String] = ["team-a", "team-b"]) throws -> FixtureCluster {
    var cluster = FixtureCluster()
    for name in names { try cluster.add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]) }
    return cluster
}
