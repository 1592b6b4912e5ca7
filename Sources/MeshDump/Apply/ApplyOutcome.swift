/// What `meshdump apply` did to one object, or (with `--dry-run`) would do.
public enum ApplyOutcome: String, Sendable, CaseIterable {
    /// It did not exist on the target; it does now.
    case created
    /// It existed and changed.
    case configured
    /// It existed as the source has it: nothing was sent, or the server changed nothing.
    case unchanged
    /// A member of the ApplySet that the source no longer holds, deleted.
    case pruned
    /// The server refused it, or the request failed; `ApplyEntry.message` says why.
    case failed
}
