import MeshDumpCore

/// A node of a parsed kubeconfig file with its place in the file, so every complaint about a
/// field names `file:line:column` and the field (`users[0].user.token`).
struct ConfigNode {
    let value: Value
    /// The field, for messages (`users[0].user`).
    let field: FieldPath
    let file: String
    let positions: [String: Mark]

    /// `file:line:col` of this node, or of its nearest ancestor with a known position.
    var location: String {
        var path = field
        while true {
            // Positions are keyed by JSON Pointer.
            if let mark = positions[path.pointer?.description ?? ""] { return "\(file):\(mark.line):\(mark.column)" }
            guard !path.isEmpty else { return file }
            path.steps.removeLast()
        }
    }

    func error(_ message: String) -> KubeConfigError {
        KubeConfigError("\(location): \(field.isEmpty ? "" : "\(field): ")\(message)")
    }

    func child(_ key: String) -> ConfigNode? {
        guard let v = value[key], v != .null else { return nil }
        return ConfigNode(value: v, field: field.appending(.key(key)), file: file, positions: positions)
    }

    /// The node's mapping; a missing node (`nil` value) never gets here.
    func mapping() throws(KubeConfigError) -> Mapping {
        guard case .mapping(let m) = value else { throw error("expected a mapping, found a \(value.typeName)") }
        return m
    }

    /// The elements of a list field; a missing or null field is an empty list.
    func list(_ key: String) throws(KubeConfigError) -> [ConfigNode] {
        guard let node = child(key) else { return [] }
        guard case .sequence(let items) = node.value else { throw node.error("expected a list, found a \(node.value.typeName)") }
        return items.indices.map { i in
            ConfigNode(value: items[i], field: node.field.appending(.index(i)), file: file, positions: positions)
        }
    }

    func string(_ key: String) throws(KubeConfigError) -> String? {
        guard let node = child(key) else { return nil }
        switch node.value {
        case .string(let s): return s
        case .int(let t), .float(let t): return t
        case .bool(let b): return b ? "true" : "false"
        default: throw node.error("expected a string, found a \(node.value.typeName)")
        }
    }

    func bool(_ key: String) throws(KubeConfigError) -> Bool {
        guard let node = child(key) else { return false }
        switch node.value {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default: throw node.error("expected true or false, found a \(node.value.typeName)")
        }
    }

    func strings(_ key: String) throws(KubeConfigError) -> [String] {
        try list(key).map { node throws(KubeConfigError) in
            guard let s = node.value.stringValue else { throw node.error("expected a string, found a \(node.value.typeName)") }
            return s
        }
    }

    /// A `*-data` field: base64 text decoded to bytes.
    func base64(_ key: String) throws(KubeConfigError) -> [UInt8]? {
        guard let text = try string(key) else { return nil }
        guard let bytes = Base64.decode(text) else { throw child(key)!.error("not valid base64") }
        return bytes
    }
}
