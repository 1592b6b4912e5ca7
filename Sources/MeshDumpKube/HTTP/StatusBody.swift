import MeshDumpCore

/// The `Status` object an API server sends with an error (`{"kind":"Status","reason":"Forbidden",
/// "message":"…","metadata":{"continue":"…"}}`), or a summary of whatever else it sent.
struct StatusBody: Sendable {
    var reason: String = ""
    var message: String = ""
    /// A 410 Expired list answer may carry a continue token to go on with (inconsistently).
    var continueToken: String?
    /// `details.causes`: the fields a 409 apply conflict or a 422 Invalid is about.
    var causes: [StatusCause] = []

    init(code: Int, body: [UInt8]) {
        if let document = try? YAMLReader(bytes: body, source: "response").next(),
           document.value["kind"]?.stringValue == "Status" {
            reason = document.value["reason"]?.stringValue ?? ""
            message = document.value["message"]?.stringValue ?? ""
            continueToken = document.value[path: ["metadata", "continue"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            causes = (document.value[path: ["details", "causes"]]?.sequenceValue ?? []).map {
                StatusCause(reason: $0["reason"]?.stringValue ?? "", message: $0["message"]?.stringValue ?? "", field: $0["field"]?.stringValue ?? "")
            }
        }
        if message.isEmpty {
            let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingWhitespace()
            message = text.isEmpty ? "the server answered HTTP \(code) with no message" : "the server answered HTTP \(code): \(text)"
        }
    }
}
