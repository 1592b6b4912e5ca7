import MeshDumpCore

/// The answers to writes that go wrong, worded as the API server words them.
extension Reply {
    /// 409: a precondition or resourceVersion did not hold.
    static func conflict(_ type: ResourceType, name: String, _ reason: String) -> Reply {
        status(409, reason: "Conflict", message: "Operation cannot be fulfilled on \(type.qualifiedResource) \"\(name)\": \(reason)",
               details: ["name": .string(name), "group": .string(type.group), "kind": .string(type.resource)])
    }

    static let modified = "the object has been modified; please apply your changes to the latest version and try again"

    static func alreadyExists(_ type: ResourceType, name: String) -> Reply {
        status(409, reason: "AlreadyExists", message: "\(type.qualifiedResource) \"\(name)\" already exists",
               details: ["name": .string(name), "group": .string(type.group), "kind": .string(type.resource)])
    }

    /// 409 from server-side apply: fields other managers own with other values (apiserver's
    /// `NewConflictError`: one cause per field, the message grouped by manager).
    static func applyConflicts(_ conflicts: [ServerSideApply.Conflict]) -> Reply {
        let causes: [Value] = conflicts.map {
            ["reason": "FieldManagerConflict", "message": .string("conflict with \($0.manager)"), "field": .string($0.field)]
        }
        let message: String
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: conflict with \(conflicts[0].manager): \(conflicts[0].field)"
        } else {
            var lines: [String] = []
            for manager in Set(conflicts.map(\.manager)).sorted() {
                lines.append("conflicts with \(manager):")
                lines += conflicts.filter { $0.manager == manager }.map { "- \($0.field)" }
            }
            message = "Apply failed with \(conflicts.count) conflicts: \(lines.joined(separator: "\n"))"
        }
        return status(409, reason: "Conflict", message: message, details: ["causes": .sequence(causes)])
    }

    /// 422: `Kind.group "name" is invalid: field: detail`.
    static func invalid(_ qualifiedKind: String, name: String, field: String, detail: String, causeReason: String = "FieldValueInvalid") -> Reply {
        status(422, reason: "Invalid", message: "\(qualifiedKind) \"\(name)\" is invalid: \(field): \(detail)",
               details: ["name": .string(name), "kind": .string(qualifiedKind),
                         "causes": [["reason": .string(causeReason), "message": .string(detail), "field": .string(field)]]])
    }

    /// 200 after a delete: a Success `Status` naming what went, with its uid (kubectl waits on it).
    static func deleted(_ type: ResourceType, name: String, uid: String) -> Reply {
        .json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success",
               "details": ["name": .string(name), "group": .string(type.group), "kind": .string(type.resource), "uid": .string(uid)]])
    }

    /// 415 for a body in a format the server does not read.
    static func unsupportedMediaType(accepted: String) -> Reply {
        status(415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: \(accepted)")
    }

    /// A stored object at `apiVersion`, with `status` (200, or 201 for a create).
    static func object(_ stored: StoredObject, apiVersion: String, status: Int = 200) -> Reply {
        var body: [UInt8] = []
        stored.json(apiVersion: apiVersion, into: &body)
        return Reply(status: status, body: body)
    }
}
