import MeshDumpCore

/// A write as the API server reads it: the options in its query (`dryRun`, `fieldManager`,
/// `force`, `fieldValidation`) and the object in its body, checked against the URL.
struct WriteRequest {
    var dryRun: Bool
    var fieldManager: String?
    var force: Bool
    /// `Strict`, `Warn` or `Ignore`.
    var fieldValidation: String
    var contentType: String
    var body: [UInt8]
    var userAgent: String?

    /// A write refused before it reaches the store.
    struct Refusal: Error {
        var reply: Reply
    }

    init(query: [String: String], contentType: String?, body: [UInt8], userAgent: String?) throws(Refusal) {
        switch query["dryRun"] {
        case nil, "": dryRun = false
        case "All": dryRun = true
        case let other?: throw Refusal(reply: .badRequest("dryRun: Unsupported value: \"\(other)\": supported values: \"All\""))
        }
        switch query["fieldValidation"] ?? "Strict" {
        case "", "Strict": fieldValidation = "Strict"
        case let value where value == "Warn" || value == "Ignore": fieldValidation = value
        case let other: throw Refusal(reply: .badRequest("fieldValidation: Unsupported value: \"\(other)\": supported values: \"Ignore\", \"Strict\", \"Warn\""))
        }
        fieldManager = query["fieldManager"].flatMap { $0.isEmpty ? nil : $0 }
        force = query["force"] == "true"
        self.contentType = contentType ?? ""
        self.body = body
        self.userAgent = userAgent
    }

    /// The manager a create records when the client names none: its user agent up to the first `/`.
    var managerOrUserAgent: String {
        fieldManager ?? userAgent.map { String($0.prefix { $0 != "/" }) } ?? "unknown"
    }

    /// The body's object (YAML or JSON), checked as the API server checks it: its apiVersion and
    /// kind are the URL's, its name the URL's (`name`, for PATCH), its namespace (if any) the
    /// URL's; with Strict field validation, no top-level field the type does not declare.
    func object(_ type: ResourceType, version: String, namespace: String?, name: String?) throws(Refusal) -> Value {
        let decoded: Object?
        do {
            decoded = try ObjectDecoder(InputBytes(body, source: "request body"), tracksPositions: false).next()
        } catch {
            throw Refusal(reply: .badRequest("error decoding the request body: \(error)"))
        }
        guard var value = decoded?.value, let object = decoded else { throw Refusal(reply: .badRequest("the request body is empty")) }
        let apiVersion = type.apiVersion(version)
        guard object.apiVersion == apiVersion else {
            throw Refusal(reply: .badRequest("the API version in the data (\(object.apiVersion)) does not match the expected API version (\(apiVersion))"))
        }
        guard object.kind == type.kind else {
            throw Refusal(reply: .badRequest("the kind in the data (\(object.kind)) does not match the expected kind (\(type.kind))"))
        }
        if let name, object.name != name {
            throw Refusal(reply: .badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(name))"))
        }
        if let namespace, !object.namespace.isEmpty, object.namespace != namespace {
            throw Refusal(reply: .badRequest("the namespace of the provided object does not match the namespace sent on the request"))
        }
        if let fields = value[path: ["metadata", "managedFields"]], fields != .null, fieldManager != nil, contentType.hasPrefix("application/apply-patch") {
            throw Refusal(reply: .badRequest("metadata.managedFields must be nil"))
        }
        if fieldValidation == "Strict", let declared = type.topLevelFields,
           let unknown = value.mappingValue?.keys.first(where: { !declared.contains($0) }) {
            let id = namespace.map { "\($0)/\(object.name)" } ?? object.name
            throw Refusal(reply: .badRequest("failed to create typed patch object (\(id); \(apiVersion), Kind=\(type.kind)): .\(unknown): field not declared in schema"))
        }
        if let namespace { value["metadata"]?["namespace"] = .string(namespace) } else { value["metadata"]?["namespace"] = nil }
        return GoNumbers.normalize(value)
    }
}
