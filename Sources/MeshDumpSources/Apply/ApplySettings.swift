import MeshDump
import Synchronization

/// How `meshdump apply` applies: its flags, checked by the command line.
public struct ApplySettings: Sendable {
    /// `--field-manager`: the manager that owns what meshdump applies.
    public var fieldManager: String
    /// `--force-conflicts`: take fields other managers own, and objects no set owns.
    public var forceConflicts: Bool
    /// `--dry-run`: stop after the server's dry run and report the plan.
    public var dryRun: Bool
    /// `--create-namespaces`: create missing namespaces before the dry run.
    public var createNamespaces: Bool
    /// `--concurrency`: objects in flight at once.
    public var concurrency: Int
    /// `--prune --applyset`: the ApplySet's parent; nil applies without a set and prunes nothing.
    public var applySet: ApplySetParent?
    /// The tool named in the set's tooling annotation.
    public var tooling: ApplySetTooling

    public init(fieldManager: String = "meshdump", forceConflicts: Bool = false, dryRun: Bool = false, createNamespaces: Bool = false,
                concurrency: Int = 8, applySet: ApplySetParent? = nil, tooling: ApplySetTooling) {
        self.fieldManager = fieldManager
        self.forceConflicts = forceConflicts
        self.dryRun = dryRun
        self.createNamespaces = createNamespaces
        self.concurrency = concurrency
        self.applySet = applySet
        self.tooling = tooling
    }
}

/// Where a run is, for a progress line: `dry run 1200/11000`.
public struct ApplyProgress: Sendable, CustomStringConvertible {
    /// `dry run`, `applying`, `pruning`.
    public var phase: String
    public var done: Int
    public var total: Int

    public var description: String { "\(phase) \(done)/\(total)" }
}

/// Counts the objects one phase has finished and reports each step.
final class PhaseProgress: Sendable {
    let phase: String
    let total: Int
    private let report: @Sendable (ApplyProgress) -> Void
    private let done = Atomic(0)

    init(_ phase: String, total: Int, report: @escaping @Sendable (ApplyProgress) -> Void) {
        self.phase = phase
        self.total = total
        self.report = report
    }

    func step() {
        report(ApplyProgress(phase: phase, done: done.add(1, ordering: .relaxed).newValue, total: total))
    }
}
