import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization

/// What phases 2 to 4 of an apply share: the client, the settings, the spooled objects and their
/// entries, where problems go, and the progress callback.
struct ApplyContext: Sendable {
    let client: KubeClient
    let settings: ApplySettings
    /// The source as the user named it, for the report.
    let sourceName: String
    let spool: ObjectSpool
    let ledger: Ledger
    let diagnostics: DiagnosticCollector
    let progress: @Sendable (ApplyProgress) -> Void

    /// The target's kubeconfig context, for origins and the report.
    var contextName: String { client.connection.contextName }

    /// The options of a member's apply (a dry run or the real one).
    func applyOptions(dryRun: Bool) -> ApplyOptions {
        ApplyOptions(fieldManager: settings.fieldManager, force: settings.forceConflicts, dryRun: dryRun)
    }

    /// Reports a problem with one object: its entry fails, and the message goes to the terminal
    /// with the object's origin.
    func fail(_ index: Int, _ message: String) {
        let entry = ledger.update(index) { $0.fail(message) }
        diagnostics.report(Diagnostic(.error, "\(entry.id): \(message)", origin: entry.origin))
    }

    /// Runs `body` on each spooled object whose entry `select` picks, `settings.concurrency` at
    /// once, in spool order, reporting progress as `phase`. `body` records what happened in the
    /// ledger; only cancellation and unreadable spools throw.
    func forEachObject(_ phase: String, where select: (ApplyEntry) -> Bool,
                       _ body: @escaping @Sendable (Int, Object) async -> Void) async throws {
        let (count, total) = ledger.count(where: select)
        let reader = spool.reader()
        var index = -1
        let progress = PhaseProgress(phase, total: total, report: progress)
        try await Concurrently.forEach(limit: settings.concurrency, next: { () throws -> (Int, Object)? in
            while true {
                index += 1
                guard index < count else { return nil }
                let entry = ledger[index]
                guard select(entry) else {
                    _ = try reader.skip()
                    continue
                }
                guard let value = try reader.next() else { return nil }
                return (index, try Object(value: value, origin: entry.origin))
            }
        }) { index, object in
            await body(index, object)
            progress.step()
        }
    }
}

/// The entries of a run, one per spooled object, changed by concurrent tasks one at a time, and
/// the namespaces the run created.
final class Ledger: Sendable {
    private let entries: Mutex<[ApplyEntry]>
    private let namespaces = Mutex<[String]>([])

    init(_ entries: [ApplyEntry]) {
        self.entries = Mutex(entries)
    }

    var all: [ApplyEntry] { entries.withLock { $0 } }

    /// Namespaces `--create-namespaces` created, in the order they were.
    var createdNamespaces: [String] { namespaces.withLock { $0 } }

    /// Records that the run created namespace `name`.
    func namespaceCreated(_ name: String) {
        namespaces.withLock { $0.append(name) }
    }

    /// How many entries there are, and how many `select` picks.
    func count(where select: (ApplyEntry) -> Bool) -> (all: Int, selected: Int) {
        entries.withLock { entries in (entries.count, entries.count { select($0) }) }
    }

    subscript(_ index: Int) -> ApplyEntry { entries.withLock { $0[index] } }

    /// Changes one entry; returns it as changed.
    @discardableResult
    func update(_ index: Int, _ body: (inout ApplyEntry) -> Void) -> ApplyEntry {
        entries.withLock { entries in
            body(&entries[index])
            return entries[index]
        }
    }

    /// Calls `body` with each entry and its index, in order.
    func forEach(_ body: (Int, ApplyEntry) -> Void) {
        entries.withLock { entries in
            for (i, entry) in entries.enumerated() { body(i, entry) }
        }
    }

    /// Changes every entry.
    func updateAll(_ body: (inout ApplyEntry) -> Void) {
        entries.withLock { entries in
            for i in entries.indices { body(&entries[i]) }
        }
    }
}
