import Foundation
import MeshDumpCore

/// What the server sets on an object it writes for a client.
extension ServerFields {
    /// `object` as stored after a write: a new object gets a uid (one per creation, so a
    /// re-created object is told apart), its creation time, generation 1 and, for namespaces,
    /// their defaults; an update keeps those and moves generation when anything outside
    /// metadata and status changed. `resourceVersion` nil (a dry run) leaves it as it was.
    static func written(_ object: Value, previous: Value?, type: ResourceType, resourceVersion: Int?, uidSeed: Int, now: String) -> Value {
        guard case .mapping(var top) = object, case .mapping(var metadata)? = top["metadata"] else { return object }
        if let previous {
            if type.tracksGeneration, Self.content(object) != Self.content(previous) {
                let generation = previous[path: ["metadata", "generation"]].flatMap { if case .int(let n) = $0 { Int(n) } else { nil } } ?? 0
                metadata["generation"] = .int(String(generation + 1))
            }
        } else {
            let identity = "\(type.group)/\(type.kind)/\(metadata["namespace"]?.stringValue ?? "")/\(metadata["name"]?.stringValue ?? "")"
            metadata["uid"] = .string(uid("\(identity)#\(uidSeed)"))
            metadata["creationTimestamp"] = .string(now)
            if type.tracksGeneration { metadata["generation"] = 1 }
            if type == .namespace { namespaceDefaults(&top, metadata: &metadata) }
        }
        if let resourceVersion { metadata["resourceVersion"] = .string(String(resourceVersion)) }
        top["metadata"] = .mapping(metadata)
        return .mapping(top)
    }

    /// Now, as object timestamps write it (`2025-03-14T09:26:53Z`).
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Everything generation follows: the object without metadata and status.
    private static func content(_ object: Value) -> Value {
        var content = object
        content["metadata"] = nil
        content["status"] = nil
        return content
    }
}
