import MeshDumpCore

/// A source that can say what its API server serves: the target cluster of a check (the last
/// `cluster:` SOURCE), asked about the kinds the files hold.
public protocol CheckTarget: ObjectSource {
    /// What the server serves of `kinds`, with the CustomResourceDefinitions behind the served
    /// ones. Throws when discovery fails (nothing is guessed).
    func describe(_ kinds: Set<GroupKind>) async throws -> TargetDescription
}

/// What a target cluster said about some kinds.
public struct TargetDescription: Sendable {
    public var apis: TargetAPIs
    /// The CustomResourceDefinitions of the served kinds that have one, as read.
    public var customResourceDefinitions: [Object]

    public init(apis: TargetAPIs, customResourceDefinitions: [Object] = []) {
        self.apis = apis
        self.customResourceDefinitions = customResourceDefinitions
    }
}

/// The API versions a target cluster serves of the kinds asked about, found by discovery.
public struct TargetAPIs: Sendable, Equatable {
    /// The cluster as named (`cluster:new`), for messages.
    public var name: String
    /// For each kind asked about, the versions served (preferred first); empty when the
    /// server does not serve the kind at all.
    public var versions: [GroupKind: [String]]

    public init(name: String, versions: [GroupKind: [String]]) {
        self.name = name
        self.versions = versions
    }
}
