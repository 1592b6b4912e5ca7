import MeshDumpCore

/// `--output json`: one JSON document, written as `kubectl get -o json` writes (keys sorted,
/// four-space indent), so its bytes are stable:
///
/// ```
/// {"objects": [{"status": "changed"|"renamed"|"added"|"removed", "group", "kind", "namespace", "name",
///               "oldNamespace", "oldName", "similarity",  // renamed: where it was, how alike (%)
///               "oldSource", "newSource",             // file:line:col (or cluster path)
///               "changes": [{"op": "added"|"removed"|"changed"|"reordered", "path",
///                            "oldPointer", "newPointer", "old", "new"}],   // changed, renamed
///               "old" | "new"}],                      // the whole object, when removed | added
///  "summary": {"changed", "renamed", "added", "removed", "unchanged"}}
/// ```
/// A pointer (RFC 6901) or value is left out when that side has none. Numbers JSON cannot hold
/// (`.inf`, `.nan` from YAML) are written as strings.
struct JSONDiffRenderer {
    func render(_ result: DiffResult, to output: inout [UInt8]) throws {
        var summary = Mapping()
        summary["changed"] = .int(String(result.changedCount))
        summary["renamed"] = .int(String(result.renamedCount))
        summary["added"] = .int(String(result.addedCount))
        summary["removed"] = .int(String(result.removedCount))
        summary["unchanged"] = .int(String(result.unchanged))
        var document = Mapping()
        document["objects"] = .sequence(result.objects.map(Self.value(of:)))
        document["summary"] = .mapping(summary)
        try JSONWriter.write(.mapping(document), to: &output)
    }

    static func value(of object: ObjectDiff) -> Value {
        var map = Mapping()
        map["status"] = .string(object.status.rawValue)
        map["group"] = .string(object.id.group)
        map["kind"] = .string(object.id.kind)
        map["namespace"] = .string(object.id.namespace)
        map["name"] = .string(object.id.name)
        if let oldID = object.oldID {
            map["oldNamespace"] = .string(oldID.namespace)
            map["oldName"] = .string(oldID.name)
        }
        if let similarity = object.similarity { map["similarity"] = .int(String(similarity)) }
        if let old = object.old { map["oldSource"] = .string(old.origin.description) }
        if let new = object.new { map["newSource"] = .string(new.origin.description) }
        switch object.status {
        case .changed, .renamed: map["changes"] = .sequence(object.changes.map(value(of:)))
        case .added: map["new"] = object.new.map { jsonSafe($0.value) }
        case .removed: map["old"] = object.old.map { jsonSafe($0.value) }
        }
        return .mapping(map)
    }

    static func value(of change: FieldChange) -> Value {
        var map = Mapping()
        map["path"] = .string(change.path.description)
        switch change.edit {
        case .added: map["op"] = "added"
        case .removed: map["op"] = "removed"
        case .changed: map["op"] = "changed"
        case .reordered(let old, let new):
            map["op"] = "reordered"
            map["old"] = .sequence(old.map(Value.string))
            map["new"] = .sequence(new.map(Value.string))
        }
        if let pointer = change.oldPointer { map["oldPointer"] = .string(pointer.description) }
        if let pointer = change.newPointer { map["newPointer"] = .string(pointer.description) }
        if let old = change.oldValue { map["old"] = jsonSafe(old) }
        if let new = change.newValue { map["new"] = jsonSafe(new) }
        return .mapping(map)
    }

    /// The value with numbers JSON cannot hold turned into strings.
    static func jsonSafe(_ value: Value) -> Value {
        switch value {
        case .float(let t) where !NumberText.isJSONNumber(t): return .string(t)
        case .sequence(let items): return .sequence(items.map(jsonSafe))
        case .mapping(var map):
            map.updateValues { _, v in v = jsonSafe(v) }
            return .mapping(map)
        default: return value
        }
    }
}
