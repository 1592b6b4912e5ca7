import Testing
import MeshDumpCore

/// What server-side apply sends of an object: its configuration, in the namespace it goes to.
struct ObjectConfigurationTests {
    static let object: Value = [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": "a", "namespace": "team-a", "uid": "u", "resourceVersion": "1", "generation": 2,
                     "creationTimestamp": "2025-03-14T09:26:53Z", "managedFields": [["manager": "m"]], "selfLink": "/x",
                     "labels": ["app": "a"]],
        "data": ["k": "v"], "status": ["phase": "Active"],
    ]

    @Test func theServersFieldsAndStatusAreLeftOut() throws {
        let configuration = try Object(value: Self.object, origin: .generated).configuration(namespace: "team-a")
        #expect(configuration == ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "team-a", "labels": ["app": "a"]],
                                  "data": ["k": "v"]])
    }

    @Test func theNamespaceIsTheOneGivenOrNone() throws {
        let object = try Object(value: Self.object, origin: .generated)
        #expect(object.configuration(namespace: "default")[path: ["metadata", "namespace"]] == "default")
        #expect(object.configuration(namespace: nil)[path: ["metadata", "namespace"]] == nil)
    }
}
