import MeshDumpCore
import Synchronization

/// Phase 1 of `meshdump apply`: every object of the source read, passed through the stages (neat
/// and the rules, as export runs them), labelled as a member when an ApplySet is applied, and
/// checked, before any request goes to the target.
///
/// Each object goes to a spool on disk, in the order they came, as the configuration its apply
/// sends (`Object.configuration(namespace:)`, written once here and sent as it is by the dry run
/// and the apply); what the later phases need of each stays in memory as an `ApplyEntry`, at the
/// same position. Problems the stages report go to `diagnostics`; anything that makes the input
/// unusable throws `ApplyInputError`.
public struct ApplyInput {
    public var entries: ApplyEntries
    /// The objects' configurations, as `entries` lists them.
    public let spool: ObjectSpool
    public let sourceName: String

    /// Reads `source`. Throws when it cannot be read or listed in full, when a stage reported an
    /// error (a failing patch, an unmatched rule under `--strict`), when one identity comes
    /// twice, when an object carries another set's label, and when nothing is left to apply.
    public static func read(_ source: any ObjectSource, request: ReadRequest, stages: any ObjectStage, set: ApplySet?,
                            spool: ObjectSpool, diagnostics: DiagnosticCollector) async throws -> ApplyInput {
        let entries = Mutex(ApplyEntries())
        let reports = try await source.read(request) { object in
            guard var object = try stages.apply(object) else { return }
            if let set { object = try set.member(object) }
            let id = object.id
            let line = try ObjectSpool.line(object.configuration(namespace: id.namespace.isEmpty ? nil : id.namespace))
            try entries.withLock { entries in
                if let first = entries.append(ApplyEntry(id: id, apiVersion: object.apiVersion, origin: object.origin)) {
                    throw DuplicateObjectError(id: id, side: source.name, first: entries[first].origin, second: object.origin)
                }
                try spool.append(line: line)
            }
        }
        try reports.requireComplete(source.name)
        stages.finish()
        guard !diagnostics.hasErrors else {
            throw ApplyInputError("\(source.name): the rules reported \(counted(diagnostics.count(.error), "error")); nothing was applied")
        }
        let all = entries.withLock { $0 }
        guard !all.isEmpty else {
            throw ApplyInputError("\(source.name) holds no object to apply")
        }
        try spool.finish()
        return ApplyInput(entries: all, spool: spool, sourceName: source.name)
    }
}

/// The source cannot be applied as it is: exit 2, before any request to the target.
public struct ApplyInputError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
