import MeshDumpCore

/// An object as the fixture server keeps it: its key in list order, labels for selectors, and
/// its compact JSON without `apiVersion` (added per request, for the version asked for).
struct StoredObject: Sendable {
    var namespace: String
    var name: String
    var labels: [String: String]
    /// `{"kind":…}` — the object's JSON with `apiVersion` left out.
    var bodyWithoutAPIVersion: [UInt8]
    /// Metadata for table rows (`PartialObjectMetadata`) and namespace status.
    var metadata: Value
    var phase: String?

    /// The storage key lists are ordered by: `namespace/name`, or `name` when cluster-scoped.
    var key: [UInt8] { namespace.isEmpty ? Array(name.utf8) : Array("\(namespace)/\(name)".utf8) }

    init(value: Value) throws {
        var value = value
        namespace = value[path: ["metadata", "namespace"]]?.stringValue ?? ""
        name = value[path: ["metadata", "name"]]?.stringValue ?? ""
        labels = [:]
        for (key, label) in value[path: ["metadata", "labels"]]?.mappingValue ?? Mapping() {
            labels[key] = label.stringValue ?? ""
        }
        metadata = value["metadata"] ?? [:]
        phase = value[path: ["status", "phase"]]?.stringValue
        value["apiVersion"] = nil
        var bytes: [UInt8] = []
        try JSONWriter.write(value, compact: true, to: &bytes)
        bodyWithoutAPIVersion = bytes
    }

    /// The object as a value at `apiVersion`.
    func value(apiVersion: String) -> Value {
        var bytes: [UInt8] = []
        json(apiVersion: apiVersion, into: &bytes)
        return (try? JSONReader.values(bytes, source: "store").first) ?? [:]
    }

    /// The object's JSON at `apiVersion`.
    func json(apiVersion: String, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"apiVersion":"#.utf8)
        JSONText.appendString(apiVersion, to: &output)
        output.append(UInt8(ascii: ","))
        output.append(contentsOf: bodyWithoutAPIVersion.dropFirst())
    }
}
