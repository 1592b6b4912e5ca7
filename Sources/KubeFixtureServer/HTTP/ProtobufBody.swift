import MeshDumpCore

/// Reads the protobuf bodies kubectl sends when it creates built-in kinds (`kubectl create ns`,
/// `create secret`, `create configmap`): the `k8s\0` envelope around a `runtime.Unknown` whose
/// raw bytes are the object. Only Namespace, Secret and ConfigMap, and of their metadata only
/// name, namespace, labels and annotations, are read; anything else is nil (answered 415).
enum ProtobufBody {
    static func object(_ body: [UInt8]) -> Value? {
        guard body.starts(with: [0x6b, 0x38, 0x73, 0x00]) else { return nil }
        var apiVersion = "", kind = ""
        var raw: ArraySlice<UInt8> = []
        for (number, payload) in ProtobufFields(body[4...]) {
            switch number {
            case 1:
                for (field, value) in payload.message ?? ProtobufFields([]) {
                    if field == 1 { apiVersion = value.text ?? "" } else if field == 2 { kind = value.text ?? "" }
                }
            case 2: if case .bytes(let bytes) = payload { raw = bytes }
            default: continue
            }
        }
        var object: Value = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
        for (number, payload) in ProtobufFields(raw) {
            switch (kind, number) {
            case (_, 1): object["metadata"] = metadata(payload.message ?? ProtobufFields([]))
            case ("Secret", 2), ("ConfigMap", 3): add(payload, to: &object, field: kind == "Secret" ? "data" : "binaryData", base64: true)
            case ("ConfigMap", 2), ("Secret", 4): add(payload, to: &object, field: kind == "Secret" ? "stringData" : "data", base64: false)
            case ("Secret", 3): object["type"] = nonEmpty(payload)
            case ("Namespace", _), ("Secret", _), ("ConfigMap", _): continue
            default: return nil
            }
        }
        return object["metadata"] == nil ? nil : object
    }

    /// ObjectMeta: name 1, generateName 2, namespace 3, labels 11, annotations 12.
    private static func metadata(_ fields: ProtobufFields) -> Value {
        var metadata: Value = [:]
        for (number, payload) in fields {
            switch number {
            case 1: metadata["name"] = nonEmpty(payload)
            case 2: metadata["generateName"] = nonEmpty(payload)
            case 3: metadata["namespace"] = nonEmpty(payload)
            case 11, 12:
                let key = number == 11 ? "labels" : "annotations"
                var map = metadata[key] ?? [:]
                if let (k, v) = entry(payload) { map[k] = .string(v.text ?? "") }
                metadata[key] = map
            default: continue
            }
        }
        return metadata
    }

    /// A string field, nil when empty (proto2 sends unset strings as "").
    private static func nonEmpty(_ payload: ProtobufFields.Payload) -> Value? {
        guard let text = payload.text, !text.isEmpty else { return nil }
        return .string(text)
    }

    /// One entry of a `map<string, …>` field into `object[field]`.
    private static func add(_ payload: ProtobufFields.Payload, to object: inout Value, field: String, base64: Bool) {
        guard let (key, value) = entry(payload), case .bytes(let bytes) = value else { return }
        var map = object[field] ?? [:]
        map[key] = .string(base64 ? Base64Text.encode(Array(bytes)) : String(decoding: bytes, as: UTF8.self))
        object[field] = map
    }

    private static func entry(_ payload: ProtobufFields.Payload) -> (String, ProtobufFields.Payload)? {
        var key: String?, value: ProtobufFields.Payload = .bytes([])
        for (number, field) in payload.message ?? ProtobufFields([]) {
            if number == 1 { key = field.text } else if number == 2 { value = field }
        }
        return key.map { ($0, value) }
    }
}
