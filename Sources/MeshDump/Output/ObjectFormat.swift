import MeshDumpCore

/// How objects are printed: YAML as `kubectl get -o yaml`, or JSON as `kubectl get -o json`.
public enum ObjectFormat: String, Sendable, CaseIterable {
    case yaml, json

    /// Appends one object's document to `output`. YAML documents after the first are preceded by
    /// `---`; JSON documents simply follow each other (a JSON stream `kubectl apply` reads).
    public func write(_ value: Value, isFirst: Bool, to output: inout [UInt8]) throws {
        switch self {
        case .yaml:
            if !isFirst { output.append(contentsOf: "---\n".utf8) }
            try YAMLWriter.write(value, to: &output)
        case .json:
            try JSONWriter.write(value, to: &output)
        }
    }

    /// The file extension for one object in this format.
    public var fileExtension: String { self == .yaml ? "yaml" : "json" }
}
