import MeshDumpCore

/// What `meshdump apply` did: how the run ended, each object's outcome, and with `--dry-run` the
/// plan as a `meshdump diff` result (live against what would be applied, and what prune would
/// delete).
public struct ApplyReport: Sendable {
    /// How a run ended.
    public enum Result: String, Sendable {
        /// Every object was applied, and pruning (when asked) done.
        case applied
        /// Some objects failed while applying or pruning; the others were applied.
        case failed
        /// Stopped before changing anything (namespaces created by `--create-namespaces` aside): a
        /// kind, version or namespace the target lacks, a takeover, a rejection by the dry run.
        case refused
        /// `--dry-run`: the server accepted every object; nothing was changed.
        case planned
    }

    /// The source as the user named it.
    public var source: String
    /// The target's kubeconfig context.
    public var target: String
    public var dryRun: Bool
    /// The ApplySet applied, when pruning.
    public var applySet: ApplySetParent?
    public var result: Result
    /// Sorted by identity: every object applied and pruned (or planned); after a refusal, the
    /// objects refused.
    public var objects: [ApplyEntry]
    /// `--dry-run`'s plan.
    public var plan: DiffResult?
    /// The namespaces `--create-namespaces` created before the dry run, sorted: the one change
    /// a refused run can have made.
    public var createdNamespaces: [String]

    public init(source: String, target: String, dryRun: Bool, applySet: ApplySetParent?, result: Result,
                objects: [ApplyEntry], plan: DiffResult? = nil, createdNamespaces: [String] = []) {
        self.source = source
        self.target = target
        self.dryRun = dryRun
        self.applySet = applySet
        self.result = result
        self.objects = objects.sorted { $0.id < $1.id }
        self.plan = plan
        self.createdNamespaces = createdNamespaces.sorted()
    }

    /// How many objects ended each way.
    public func count(_ outcome: ApplyOutcome) -> Int {
        objects.count { $0.outcome == outcome }
    }

    /// 0 when everything was applied (or, with `--dry-run`, would be), 1 otherwise.
    public var exitCode: Int32 { result == .applied || result == .planned ? 0 : 1 }

    /// `3 created, 1 configured, 1096 unchanged, 2 pruned, 0 failed`
    public var summary: String {
        ApplyOutcome.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// The text output: a line per object that changed or failed
    /// (`configured VirtualService team-a/reviews`), unchanged ones only counted, then the summary.
    public func text() -> String {
        var out = ""
        for object in objects {
            guard let outcome = object.outcome, outcome != .unchanged else { continue }
            out += "\(outcome.rawValue) \(object.id)"
            if outcome == .failed, let message = object.message { out += ": \(message)" }
            out += "\n"
        }
        return out + summary + "\n"
    }
}
