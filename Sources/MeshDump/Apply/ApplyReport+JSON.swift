import MeshDumpCore

extension ApplyReport {
    /// `-o json`: one document, keys sorted, the shape the README documents.
    ///
    /// ```json
    /// {"apiVersion": "meshdump/v1", "kind": "ApplyReport", "source": "data", "target": "new",
    ///  "dryRun": false, "result": "applied",
    ///  "applySet": {"id": "applyset-…-v1", "kind": "Secret", "namespace": "istio-system", "name": "mesh"},
    ///  "counts": {"created": 1, "configured": 0, "unchanged": 0, "pruned": 1, "failed": 0},
    ///  "createdNamespaces": [],
    ///  "objects": [{"apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "namespace": "team-a",
    ///               "name": "reviews", "source": "data/team-a/virtualservices/reviews.yaml:1:1",
    ///               "outcome": "created"}]}
    /// ```
    public func json() throws -> [UInt8] {
        var counts = Mapping()
        for outcome in ApplyOutcome.allCases { counts[outcome.rawValue] = .int(String(count(outcome))) }
        var document: Value = [
            "apiVersion": "meshdump/v1", "kind": "ApplyReport", "source": .string(source), "target": .string(target),
            "dryRun": .bool(dryRun), "result": .string(result.rawValue), "counts": .mapping(counts),
            "createdNamespaces": .sequence(createdNamespaces.map(Value.string)),
            "objects": .sequence(objects.map(Self.json)),
        ]
        document["applySet"] = applySet.map { parent in
            ["id": .string(parent.id), "kind": .string(parent.kind), "namespace": .string(parent.namespace), "name": .string(parent.name)]
        } ?? .null
        var bytes: [UInt8] = []
        try JSONWriter.write(document, to: &bytes)
        return bytes
    }

    private static func json(_ entry: ApplyEntry) -> Value {
        var object: Value = ["apiVersion": .string(entry.apiVersion), "kind": .string(entry.id.kind), "name": .string(entry.id.name),
                             "source": .string(entry.origin.description)]
        if !entry.id.namespace.isEmpty { object["namespace"] = .string(entry.id.namespace) }
        if let outcome = entry.outcome { object["outcome"] = .string(outcome.rawValue) }
        if let message = entry.message { object["message"] = .string(message) }
        return object
    }
}
