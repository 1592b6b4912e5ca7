import MeshDumpCore
import Testing
@testable import MeshDump

/// Secrets' values are replaced by a hash before any diff sees them; nothing else changes.
struct SecretRedactionTests {
    static func secret(_ data: Value, stringData: Value? = nil, annotation: String? = nil) throws -> Object {
        var value: Value = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s", "namespace": "a"], "type": "Opaque", "data": data]
        if let stringData { value["stringData"] = stringData }
        if let annotation { value["metadata"]?["annotations"] = ["kubectl.kubernetes.io/last-applied-configuration": .string(annotation), "team": "x"] }
        return try Object(value: value, origin: .generated)
    }

    @Test func valuesBecomeHashesAndKeysStay() throws {
        let redacted = try #require(SecretRedaction().apply(try Self.secret(["password": "aHVudGVyMg==", "empty": "", "missing": nil],
                                                                            stringData: ["token": "hunter2"], annotation: "{\"data\":{\"password\":\"aHVudGVyMg==\"}}")))
        #expect(redacted.value["data"] == ["password": "(redacted sha256:b073aefd7c92)", "empty": "(redacted sha256:e3b0c44298fc)", "missing": nil])
        #expect(redacted.value["stringData"] == ["token": "(redacted sha256:f52fbd32b2b3)"])
        #expect(redacted.value[path: ["metadata", "annotations", "team"]] == "x")
        let annotation = try #require(redacted.value[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]]?.stringValue)
        #expect(annotation.hasPrefix("(redacted sha256:") && !annotation.contains("aHVudGVyMg"))
        #expect(redacted.value["type"] == "Opaque" && redacted.id == ObjectID(group: "", kind: "Secret", namespace: "a", name: "s"))
    }

    /// Equal values hash alike and different ones differently, so a diff still says which
    /// keys changed.
    @Test func aDiffShowsWhichKeysChangedWithoutValues() throws {
        let redaction = SecretRedaction()
        let old = redaction.apply(try Self.secret(["a": "b2xk", "same": "c2FtZQ=="]))!
        let new = redaction.apply(try Self.secret(["a": "bmV3", "same": "c2FtZQ=="]))!
        let diff = try #require(ObjectDiffer().compare(old, new))
        #expect(diff.changes.map(\.path.description) == ["data.a"])
        var text: [UInt8] = []
        try DiffFormat.text.render(DiffResult(objects: [diff], unchanged: 0), colored: false, to: &text)
        let rendered = String(decoding: text, as: UTF8.self)
        #expect(!rendered.contains("b2xk") && !rendered.contains("bmV3"))
        #expect(rendered.contains("(redacted sha256:"))
    }

    @Test func otherKindsAndMalformedDataAreLeftAlone() throws {
        let configMap = try Object(value: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["k": "plain"]], origin: .generated)
        #expect(SecretRedaction().apply(configMap)?.value == configMap.value)
        let lookalike = try Object(value: ["apiVersion": "example.com/v1", "kind": "Secret", "metadata": ["name": "c"], "data": ["k": "v"]], origin: .generated)
        #expect(SecretRedaction().apply(lookalike)?.value == lookalike.value)
        let odd = SecretRedaction().apply(try Self.secret(["nested": ["x": 1]]))!
        #expect(odd.value[path: ["data", "nested"]]?.stringValue?.hasPrefix("(redacted sha256:") == true)
        let list = SecretRedaction().apply(try Self.secret(["not", "a", "mapping"]))!
        #expect(list.value["data"]?.stringValue?.hasPrefix("(redacted sha256:") == true)
    }
}
