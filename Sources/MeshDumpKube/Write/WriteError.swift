/// Why a write failed, sorted by what the caller can do about it.
public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Server-side apply met fields that other managers own with other values (409, not forced).
    case conflict(ApplyConflict)
    /// The object changed meanwhile: a uid or resourceVersion precondition did not hold, or it
    /// already exists (409).
    case preconditionFailed(message: String)
    /// The server refused the object: validation (400 BadRequest, 422 Invalid), an admission
    /// webhook's denial, or RBAC (403). Retrying will not help.
    case rejected(Rejection)
    /// The object, its namespace or its kind is not there (404).
    case notFound(message: String)
    /// No usable answer: the connection failed, credentials failed, 429 or 5xx after every
    /// retry, or an answer that is not what the API promises.
    case failed(KubeError)

    public var description: String {
        switch self {
        case .conflict(let conflict): conflict.message
        case .preconditionFailed(let message), .notFound(let message): message
        case .rejected(let rejection): rejection.message
        case .failed(let error): error.description
        }
    }

    /// Sorts a failed answer.
    init(_ response: Response) {
        let status = StatusBody(code: response.status, body: response.body)
        switch response.status {
        case 409 where status.causes.contains { $0.reason == "FieldManagerConflict" }:
            self = .conflict(ApplyConflict(message: status.message, causes: status.causes))
        case 409: self = .preconditionFailed(message: status.message)
        case 404: self = .notFound(message: status.message)
        case 400, 403, 413, 415, 422:
            self = .rejected(Rejection(code: response.status, reason: status.reason, message: status.message, causes: status.causes))
        default: self = .failed(response.error)
        }
    }
}

/// A server-side apply conflict: the server's message and each field with its manager.
public struct ApplyConflict: Sendable, Equatable {
    /// `Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using networking.istio.io/v1: .spec.hosts`
    public var message: String
    public var fields: [FieldConflict]

    public init(message: String, fields: [FieldConflict]) {
        self.message = message
        self.fields = fields
    }

    init(message: String, causes: [StatusCause]) {
        self.init(message: message, fields: causes.filter { $0.reason == "FieldManagerConflict" }.map(FieldConflict.init))
    }
}

/// One conflicting field and the manager that owns it.
public struct FieldConflict: Sendable, Equatable {
    /// The owner's name (`kubectl-client-side-apply`).
    public var manager: String
    /// The owner as the server describes it (`"kubectl-client-side-apply" using networking.istio.io/v1 at 2025-03-14T09:26:53Z`).
    public var owner: String
    /// The field (`.spec.hosts`).
    public var field: String

    public init(manager: String, owner: String, field: String) {
        self.manager = manager
        self.owner = owner
        self.field = field
    }

    /// Reads a `FieldManagerConflict` cause: `conflict with "NAME" …` on `field`.
    init(_ cause: StatusCause) {
        let owner = cause.message.hasPrefix("conflict with ") ? String(cause.message.dropFirst(14)) : cause.message
        self.init(manager: Self.quoted(owner) ?? owner, owner: owner, field: cause.field)
    }

    /// The Go-quoted string `text` starts with, unquoted.
    private static func quoted(_ text: String) -> String? {
        guard text.first == "\"" else { return nil }
        var out = "", escaped = false
        for c in text.dropFirst() {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { return out } else { out.append(c) }
        }
        return nil
    }
}

/// The server's refusal of an object.
public struct Rejection: Sendable, Equatable {
    public var code: Int
    /// The Status reason (`BadRequest`, `Invalid`, `Forbidden`; empty when the server gave none).
    public var reason: String
    /// The server's message: `admission webhook "validation.istio.io" denied the request: …`.
    public var message: String
    /// The fields a 422 Invalid names.
    public var causes: [StatusCause]

    public init(code: Int, reason: String, message: String, causes: [StatusCause] = []) {
        self.code = code
        self.reason = reason
        self.message = message
        self.causes = causes
    }
}

/// One entry of a Status's `details.causes`.
public struct StatusCause: Sendable, Equatable {
    /// `FieldManagerConflict`, `FieldValueRequired`, …
    public var reason: String
    public var message: String
    /// `.spec.hosts`, `metadata.name`
    public var field: String

    public init(reason: String, message: String, field: String) {
        self.reason = reason
        self.message = message
        self.field = field
    }
}
