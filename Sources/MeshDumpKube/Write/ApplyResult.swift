import MeshDumpCore

/// What a server-side apply did to the object.
public enum ApplyChange: String, Sendable {
    /// It did not exist; the server created it (201).
    case created
    /// It existed and changed (or, without the live object to compare with, may have).
    case configured
    /// It existed and the apply changed nothing: its resourceVersion did not move.
    case unchanged
}

/// The outcome of one server-side apply.
public struct ApplyResult: Sendable {
    public var change: ApplyChange
    /// The object as the server answered: as stored, or as it would be after a dry run.
    public var object: Object
    /// The server's warnings (unknown fields with `fieldValidation=Warn`, deprecated versions).
    public var warnings: [String]

    public init(change: ApplyChange, object: Object, warnings: [String] = []) {
        self.change = change
        self.object = object
        self.warnings = warnings
    }

    /// The change, decided as a client can: 201 is a create. Otherwise, with the live object
    /// (as listed, or a dry run's answer — a dry run never moves resourceVersion), a real apply
    /// is `unchanged` when the resourceVersion did not move, and a dry run when the answer is
    /// the live object less managedFields, resourceVersion and generation; without it,
    /// `configured`.
    static func change(status: Int, answer: Value, live: Value?, dryRun: Bool) -> ApplyChange {
        if status == 201 { return .created }
        guard let live else { return .configured }
        if dryRun { return content(answer) == content(live) ? .unchanged : .configured }
        let before = live[path: ["metadata", "resourceVersion"]]?.stringValue
        return before != nil && answer[path: ["metadata", "resourceVersion"]]?.stringValue == before ? .unchanged : .configured
    }

    private static func content(_ value: Value) -> Value {
        var content = value
        for key in ["managedFields", "resourceVersion", "generation"] { content["metadata"]?[key] = nil }
        return content
    }
}
