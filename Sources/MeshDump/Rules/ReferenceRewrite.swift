/// What a mapping makes of one reference.
enum ReferenceRewrite: Equatable {
    /// No mapping applies.
    case unchanged
    /// The new text; `mention` when part of it names a mapped thing in a way that cannot be
    /// rewritten (`cluster.local/ns/team-0*/sa/x` with a trust domain move), and why.
    case rewritten(String, mention: String? = nil)
    /// It names a mapped thing in a way that cannot be rewritten (a pattern, a regular
    /// expression): what to tell the user.
    case mentioned(String)

    init(_ new: String?) {
        self = new.map { .rewritten($0) } ?? .unchanged
    }

    /// The rewrite with `prefix` put back in front of the new text (a SAN's `spiffe://`).
    func prefixed(_ prefix: String) -> ReferenceRewrite {
        guard case .rewritten(let new, let mention) = self else { return self }
        return .rewritten(prefix + new, mention: mention)
    }
}
