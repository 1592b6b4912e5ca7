import MeshDumpCore

extension ApplyReport {
    /// `-o json`, handed to `write` a piece at a time: one document, keys sorted, the shape the
    /// README documents, written as `JSONWriter` writes it, an object at a time.
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
    public func writeJSON(_ write: ([UInt8]) throws -> Void) throws {
        var counts = Mapping()
        for outcome in ApplyOutcome.allCases { counts[outcome.rawValue] = .int(String(count(outcome))) }
        let applySet: Value = applySet.map { parent in
            ["id": .string(parent.id), "kind": .string(parent.kind), "namespace": .string(parent.namespace), "name": .string(parent.name)]
        } ?? .null
        // In key order: the members before `objects`, and after it.
        let before: [(String, Value)] = [
            ("apiVersion", "meshdump/v1"), ("applySet", applySet), ("counts", .mapping(counts)),
            ("createdNamespaces", .sequence(createdNamespaces.map(Value.string))), ("dryRun", .bool(dryRun)), ("kind", "ApplyReport"),
        ]
        let after: [(String, Value)] = [("result", .string(result.rawValue)), ("source", .string(source)), ("target", .string(target))]
        var out = OutputBuffer()
        out.bytes.append(UInt8(ascii: "{"))
        for (key, value) in before { try Self.member(key, value, to: &out.bytes) }
        Self.key("objects", to: &out.bytes)
        if objects.isEmpty {
            out.bytes += "[]".utf8
        } else {
            out.bytes.append(UInt8(ascii: "["))
            for (i, object) in objects.enumerated() {
                if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
                out.bytes += "\n        ".utf8
                try JSONWriter.write(Self.json(object), nestedAt: 2, to: &out.bytes)
                try out.flushIfFull(to: write)
            }
            out.bytes += "\n    ]".utf8
        }
        out.bytes.append(UInt8(ascii: ","))
        for (i, (key, value)) in after.enumerated() {
            if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
            Self.key(key, to: &out.bytes)
            try JSONWriter.write(value, nestedAt: 1, to: &out.bytes)
        }
        out.bytes += "\n}\n".utf8
        try out.flush(to: write)
    }

    /// A member of the top-level mapping that other members follow.
    private static func member(_ key: String, _ value: Value, to output: inout [UInt8]) throws {
        Self.key(key, to: &output)
        try JSONWriter.write(value, nestedAt: 1, to: &output)
        output.append(UInt8(ascii: ","))
    }

    /// `\n    "key": `
    private static func key(_ key: String, to output: inout [UInt8]) {
        output += "\n    ".utf8
        JSONWriter.writeString(key, to: &output)
        output += ": ".utf8
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
