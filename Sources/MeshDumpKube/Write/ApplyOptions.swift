/// How a server-side apply is sent.
public struct ApplyOptions: Sendable, Equatable {
    /// The field manager that owns what it applies (`fieldManager`).
    public var fieldManager: String
    /// Take fields other managers own instead of failing with a conflict (`force=true`).
    public var force: Bool
    /// Have the server check and answer as if it applied, storing nothing (`dryRun=All`).
    public var dryRun: Bool
    public var fieldValidation: FieldValidation

    public init(fieldManager: String = "meshdump", force: Bool = false, dryRun: Bool = false, fieldValidation: FieldValidation = .strict) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
        self.fieldValidation = fieldValidation
    }
}

/// What the server does with fields its schema does not declare (`fieldValidation`).
public enum FieldValidation: String, Sendable {
    /// Refuse the object (kubectl's default).
    case strict = "Strict"
    /// Accept it with a warning.
    case warn = "Warn"
    /// Drop them silently.
    case ignore = "Ignore"
}

/// How a delete is sent.
public struct DeleteOptions: Sendable, Equatable {
    /// Delete only the object with this uid: one deleted and re-created meanwhile stays.
    public var uid: String?
    /// Delete only at this resourceVersion: one changed meanwhile stays.
    public var resourceVersion: String?
    /// Have the server check and answer as if it deleted, deleting nothing.
    public var dryRun: Bool

    public init(uid: String? = nil, resourceVersion: String? = nil, dryRun: Bool = false) {
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.dryRun = dryRun
    }
}
