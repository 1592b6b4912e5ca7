import MeshDumpCore

/// `metadata.managedFields` of objects that were not server-side applied: as `kubectl apply`
/// (client-side) leaves them — one Update entry by kubectl-client-side-apply owning every field
/// the object's author set, and, when the object has a status, one by the controller that wrote
/// it — and as a create leaves them.
enum ManagedFields {
    static func entries(for object: Value, metadata: Mapping, apiVersion: String, time: String) -> Value {
        var entries = [updateEntry(manager: "kubectl-client-side-apply", object: object, metadata: metadata, apiVersion: apiVersion, time: time)]
        if let status = object["status"], status.mappingValue?.isEmpty == false {
            entries.append([
                "apiVersion": .string(apiVersion), "fieldsType": "FieldsV1", "fieldsV1": ["f:status": fields(of: status)],
                "manager": "pilot-discovery", "operation": "Update", "subresource": "status", "time": .string(time),
            ])
        }
        return .sequence(entries)
    }

    /// The Update entry of a manager that wrote every field the object's author set (labels,
    /// annotations, everything outside metadata and status), as a create or update records it.
    static func updateEntry(manager: String, object: Value, metadata: Mapping, apiVersion: String, time: String) -> Value {
        var owned = Mapping()
        var metadataFields = Mapping()
        for key in ["annotations", "labels"] {
            if let map = metadata[key]?.mappingValue, !map.isEmpty { metadataFields["f:\(key)"] = fields(of: .mapping(map)) }
        }
        if !metadataFields.isEmpty { owned["f:metadata"] = .mapping(metadataFields) }
        for (key, value) in object.mappingValue ?? Mapping() where !["apiVersion", "kind", "metadata", "status"].contains(key) {
            owned["f:\(key)"] = fields(of: value)
        }
        return ["apiVersion": .string(apiVersion), "fieldsType": "FieldsV1", "fieldsV1": .mapping(owned),
                "manager": .string(manager), "operation": "Update", "time": .string(time)]
    }

    /// The field set of a value: `{".": {}, "f:key": …}` for mappings, `{}` for leaves and lists.
    static func fields(of value: Value) -> Value {
        guard case .mapping(let map) = value, !map.isEmpty else { return [:] }
        var out = Mapping(minimumCapacity: map.count + 1)
        out.appendUnchecked(key: ".", value: [:])
        for (key, child) in map { out.appendUnchecked(key: "f:\(key)", value: fields(of: child)) }
        return .mapping(out)
    }
}
