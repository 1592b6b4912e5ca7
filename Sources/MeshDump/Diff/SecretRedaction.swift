import MeshDumpCore

/// Stands in for the values of Secrets before anything compares or prints them: each value
/// under a Secret's `data` and `stringData` (and its `last-applied-configuration` annotation,
/// which holds them all) becomes `(redacted sha256:0123456789ab)`, the first 12 hex digits of
/// the SHA-256 of its text. Equal values stay equal and changed ones differ, so a diff shows a
/// Secret's key as unchanged or changed, in every format, without its value; keys and
/// metadata stay readable. A stage of its own, run before the differ, so no renderer has to
/// know about Secrets.
public struct SecretRedaction: ObjectStage {
    public init() {}

    public func apply(_ object: Object) -> Object? {
        guard object.kind == "Secret", object.group.isEmpty else { return object }
        var object = object
        object.value = Self.redact(object.value)
        return object
    }

    /// A Secret's value with its values redacted.
    static func redact(_ value: Value) -> Value {
        guard case .mapping(var top) = value else { return value }
        for field in ["data", "stringData"] {
            guard case .mapping(var entries)? = top[field] else {
                if let other = top[field], other != .null { top[field] = placeholder(other) }
                continue
            }
            entries.updateValues { _, entry in if entry != .null { entry = placeholder(entry) } }
            top[field] = .mapping(entries)
        }
        let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"
        if let applied = top["metadata"]?[path: ["annotations", lastApplied]] {
            top["metadata"]?["annotations"]?[lastApplied] = placeholder(applied)
        }
        return .mapping(top)
    }

    /// `(redacted sha256:0123456789ab)` for a value's text (a string's own bytes, else its JSON).
    static func placeholder(_ value: Value) -> Value {
        var bytes: [UInt8] = []
        if let text = value.stringValue {
            bytes = Array(text.utf8)
        } else {
            try? JSONWriter.write(value, compact: true, to: &bytes)
        }
        let digest = SHA256.digest(bytes).prefix(6)
        var hex = ""
        for byte in digest { hex += String(UnicodeScalar(HexDigit.digit(byte >> 4))) + String(UnicodeScalar(HexDigit.digit(byte & 0xF))) }
        return .string("(redacted sha256:\(hex))")
    }
}
