import MeshDumpCore

/// Adds what a real API server adds to every object it stores, unless the fixture already has
/// it: `uid`, `resourceVersion`, `creationTimestamp`, `generation` and `managedFields`; and, for
/// namespaces, the `kubernetes.io/metadata.name` label, the `kubernetes` finalizer and phase.
enum ServerFields {
    /// When fixture objects were "created" unless they say otherwise.
    static let creationTimestamp = "2025-03-14T09:26:53Z"

    static func add(to value: Value, type: ResourceType, resourceVersion: Int) -> Value {
        guard case .mapping(var top) = value, case .mapping(var metadata)? = top["metadata"] else { return value }
        let name = metadata["name"]?.stringValue ?? ""
        let namespace = metadata["namespace"]?.stringValue ?? ""
        if type == .namespace { namespaceDefaults(&top, metadata: &metadata) }
        let created = metadata["creationTimestamp"]?.stringValue ?? creationTimestamp
        if metadata["creationTimestamp"] == nil { metadata["creationTimestamp"] = .string(created) }
        if metadata["uid"] == nil { metadata["uid"] = .string(uid("\(type.group)/\(type.kind)/\(namespace)/\(name)")) }
        if metadata["resourceVersion"] == nil { metadata["resourceVersion"] = .string(String(resourceVersion)) }
        if metadata["generation"] == nil, type.tracksGeneration { metadata["generation"] = 1 }
        if metadata["managedFields"] == nil {
            let apiVersion = top["apiVersion"]?.stringValue ?? type.apiVersion(type.versions[0])
            metadata["managedFields"] = ManagedFields.entries(for: .mapping(top), metadata: metadata, apiVersion: apiVersion, time: created)
        }
        top["metadata"] = .mapping(metadata)
        return .mapping(top)
    }

    /// What the namespace controller gives every namespace: its name as a label, the
    /// `kubernetes` finalizer, phase Active.
    static func namespaceDefaults(_ top: inout Mapping, metadata: inout Mapping) {
        var labels = metadata["labels"]?.mappingValue ?? Mapping()
        if labels["kubernetes.io/metadata.name"] == nil { labels["kubernetes.io/metadata.name"] = metadata["name"] ?? "" }
        metadata["labels"] = .mapping(labels)
        if top["spec"] == nil { top["spec"] = ["finalizers": ["kubernetes"]] }
        if top["status"] == nil { top["status"] = ["phase": "Active"] }
    }

    /// A stable, UUID-shaped id derived from the object's identity.
    static func uid(_ identity: String) -> String {
        var a: UInt64 = 0xcbf29ce484222325, b: UInt64 = 0x84222325cbf29ce4
        for byte in identity.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100000001b3
            b = (b ^ UInt64(byte)) &* 0x1000193 &+ a
        }
        let hex = Array((HexDigit.string(a, width: 16) + HexDigit.string(b, width: 16)).utf8)
        var uid: [UInt8] = []
        for (separator, part) in [("", 0..<8), ("-", 8..<12), ("-4", 13..<16), ("-a", 17..<20), ("-", 20..<32)] {
            uid += separator.utf8
            uid += hex[part]
        }
        return String(decoding: uid, as: UTF8.self)
    }
}
