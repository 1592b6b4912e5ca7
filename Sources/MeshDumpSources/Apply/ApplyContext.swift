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
    /// once, in spool order, reporting progress as `phase`. `body` gets the entry's position and
    /// the object's configuration as spooled (the one thing done in order is reading it, so
    /// whatever the object needs besides is done concurrently); it records what happened in the
    /// ledger. Only cancellation and unreadable spools throw.
    func forEachObject(_ phase: String, where select: (ApplyEntry) -> Bool,
                       _ body: @escaping @Sendable (Int, [UInt8]) async -> Void) async throws {
        let (count, total) = ledger.count(where: select)
        let reader = spool.reader()
        var index = -1
        let progress = PhaseProgress(phase, total: total, report: progress)
        try await Concurrently.forEach(limit: settings.concurrency, next: { () throws -> (Int, [UInt8])? in
            while true {
                index += 1
                guard index < count else { return nil }
                guard select(ledger[index]) else {
                    _ = try reader.skip()
                    continue
                }
                return try reader.next().map { (index, $0) }
            }
        }) { index, line in
            await body(index, line)
            progress.step()
        }
    }

    /// Server-side applies the object of `entry`, whose spooled configuration is `line`, as
    /// `kind` serves it (at the object's own version).
    func apply(_ entry: ApplyEntry, line: [UInt8], as kind: ServedKind, options: ApplyOptions) async throws -> ApplyAnswer {
        let version = ObjectID.split(apiVersion: entry.apiVersion).version
        return try await client.apply(configuration: try entry.configuration(spooled: line), as: ServedKind(kind: kind.kind, version: version),
                                      namespace: kind.namespaced ? entry.id.namespace : nil, name: entry.id.name, options: options)
    }
}

/// The entries of a run, one per spooled object, changed by concurrent tasks one at a time, and
/// the namespaces the run created.
final class Ledger: Sendable {
    private let entries: Mutex<ApplyEntries>
    private let namespaces = Mutex<[String]>([])

    init(_ entries: ApplyEntries) {
        self.entries = Mutex(entries)
    }

    /// Every entry as it is now (shared, not copied, until the ledger changes again).
    var all: ApplyEntries { entries.withLock { $0 } }

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

    /// The position of the entry with identity `id`.
    func index(of id: ObjectID) -> Int? {
        entries.withLock { $0.index(of: id) }
    }

    /// Reads the entries in place: `body` must not keep them.
    func read<T>(_ body: (ApplyEntries) throws -> T) rethrows -> T {
        try entries.withLock { try body($0) }
    }

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

    /// Changes every entry. One that gets another identity must be re-addressed with
    /// `ApplyEntry.address(_:)`, and the ledger `reindex()`ed.
    func updateAll(_ body: (inout ApplyEntry) -> Void) {
        entries.withLock { entries in
            for i in entries.indices { body(&entries[i]) }
        }
    }

    /// Indexes the entries by identity again; the first two that now share one.
    func reindex() -> (first: ApplyEntry, second: ApplyEntry)? {
        entries.withLock { entries in entries.reindex().map { (entries[$0.first], entries[$0.second]) } }
    }
}
