import MeshDumpCore

/// What the server does with a request: answer it (perhaps after a delay) or drop the connection.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: [UInt8]
    var delay: Duration = .zero
    var dropConnection = false
    /// How a fault slows the body; nil: all at once.
    var pacing: BodyPacing?

    init(status: Int = 200, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    static func json(_ value: Value, status: Int = 200) -> Reply {
        Reply(status: status, body: JSONText.bytes(value))
    }

    static let dropped: Reply = {
        var reply = Reply(status: 0, body: [])
        reply.dropConnection = true
        return reply
    }()

    /// A `Status` failure as the API server writes it.
    static func status(_ code: Int, reason: String, message: String, details: Value? = nil, continueToken: String? = nil) -> Reply {
        var metadata: Value = [:]
        if let continueToken { metadata["continue"] = .string(continueToken) }
        var status: Value = ["kind": "Status", "apiVersion": "v1", "metadata": metadata, "status": "Failure",
                             "message": .string(message), "reason": .string(reason), "code": .int(String(code))]
        if let details { status["details"] = details }
        return .json(status, status: code)
    }

    static func notFound(_ type: ResourceType, name: String) -> Reply {
        status(404, reason: "NotFound", message: "\(type.qualifiedResource) \"\(name)\" not found",
               details: ["name": .string(name), "group": .string(type.group), "kind": .string(type.resource)])
    }

    static let pathNotFound = status(404, reason: "NotFound", message: "the server could not find the requested resource",
                                     details: ["causes": [["reason": "UnexpectedServerResponse", "message": "404 page not found"]]])

    static let unauthorized = status(401, reason: "Unauthorized", message: "Unauthorized")

    static func forbidden(user: String, verb: String, type: ResourceType, namespace: String?) -> Reply {
        let scope = namespace.map { "in the namespace \"\($0)\"" } ?? "at the cluster scope"
        return status(403, reason: "Forbidden",
                      message: "\(type.qualifiedResource) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(type.resource)\" in API group \"\(type.group)\" \(scope)",
                      details: ["group": .string(type.group), "kind": .string(type.resource)])
    }

    static func badRequest(_ message: String) -> Reply {
        status(400, reason: "BadRequest", message: message)
    }
}
