import MeshDumpCore

/// What happened to one kind of one source: listed at a version, skipped, or failed.
public struct KindReport: Sendable, Equatable {
    /// How it ended.
    public enum Outcome: Sendable, Equatable {
        /// Read in full; objects were at this version (a cluster's served version, or the
        /// first version a file held).
        case listed(version: String)
        /// Not there: a kind the server does not serve, or files that hold none. Not an error.
        case skipped(reason: String)
        /// Listing failed: the server's message.
        case failed(message: String)
    }

    public var kind: Kind
    public var outcome: Outcome
    /// Something worth knowing about a kind that was listed (namespace by namespace).
    public var note: String?

    public init(kind: Kind, outcome: Outcome, note: String? = nil) {
        self.kind = kind
        self.outcome = outcome
        self.note = note
    }

    /// `virtualservices.networking.istio.io`
    public var qualifiedResource: String { kind.qualifiedResource }

    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }

    public var skipped: Bool {
        if case .skipped = outcome { return true }
        return false
    }
}
