import MeshDumpKube

/// How apply words a failed write for the person reading it.
enum ApplyMessages {
    /// A conflict names each field with the managers that own it and how to take them; a
    /// rejection is the server's own message (an admission webhook's denial, a validation error).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? WriteError else { return "\(error)" }
        switch error {
        case .conflict(let conflict):
            guard !conflict.fields.isEmpty else { return conflict.message + " (--force-conflicts takes the fields)" }
            let fields = conflict.fields.map { "\($0.field) (owned by \($0.owner))" }
            return "conflict with other field managers on " + fields.joined(separator: ", ") + "; --force-conflicts takes them"
        case .rejected(let rejection):
            return rejection.message
        default:
            return error.description
        }
    }
}
