import MeshDumpCore
import Synchronization

/// `meshdump export`: objects from one or more sources, through the stages (neat, then rules),
/// into one tree written atomically.
///
/// Every object goes through the stages and into the tree writer as it arrives. The new tree
/// replaces the old one only when every asked kind of every source was listed and nothing
/// reported an error (a failing patch, `--strict` rules that matched nothing); otherwise
/// nothing changes on disk, unless partial output was allowed (failed kinds only: an error
/// still keeps the old tree).
public struct ExportRun: Sendable {
    /// One source and the folder of the tree it goes to (nil: the tree's root).
    public struct Target: Sendable {
        public var source: any ObjectSource
        public var folder: String?

        public init(source: any ObjectSource, folder: String? = nil) {
            self.source = source
            self.folder = folder
        }
    }

    /// Where the objects go: a tree, or a stream on standard output.
    public var sink: any ObjectSink
    /// Replace a tree even when no asked kind was served (which would empty it).
    public var force: Bool
    public var allowPartial: Bool
    public var stages: any ObjectStage

    public init(sink: any ObjectSink, force: Bool = false, allowPartial: Bool = false, stages: any ObjectStage = Neat()) {
        self.sink = sink
        self.force = force
        self.allowPartial = allowPartial
        self.stages = stages
    }

    /// An export into the tree at `output` (`force` also replaces a folder meshdump did not write).
    public init(output: String, force: Bool = false, allowPartial: Bool = false, stages: any ObjectStage = Neat()) throws {
        self.init(sink: try TreeWriter(root: output, force: force), force: force, allowPartial: allowPartial, stages: stages)
    }

    /// Runs the export; `progress` is called with the number of objects written so far. The
    /// stages report to `diagnostics`, whose errors keep the old tree.
    public func run(_ targets: [Target], request: ReadRequest, diagnostics: DiagnosticCollector = DiagnosticCollector(),
                    progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> ExportReport {
        let writer = sink
        let tally = ExportTally()
        var sources: [ExportReport.Source] = []
        do {
            try await withThrowingTaskGroup(of: ExportReport.Source.self) { group in
                for target in targets {
                    group.addTask {
                        let name = target.source.name
                        let kinds = try await target.source.read(request) { object in
                            guard let out = try stages.apply(object) else { return }
                            try writer.write(out, folder: target.folder)
                            progress(tally.add(KindKey(source: name, group: object.group, kind: object.kind),
                                               from: object.namespace, to: out.namespace))
                        }
                        return ExportReport.Source(name: name, folder: target.folder, kinds: kinds)
                    }
                }
                for try await source in group { sources.append(source) }
            }
        } catch {
            writer.abort()
            throw error
        }
        stages.finish()
        for namespace in (request.filter.namespaces ?? []).sorted() where !tally.seen(namespace) {
            diagnostics.report(Diagnostic(.warning, "no objects in namespace \"\(namespace)\" (-n \(namespace))"))
        }
        sources.sort { ($0.folder ?? "", $0.name) < ($1.folder ?? "", $1.name) }
        var report = ExportReport(destination: writer.destination, sources: sources, counts: tally.counts)
        if diagnostics.hasErrors {
            report.rejection = "errors were reported"
        } else if !force, sources.allSatisfy({ $0.kinds.allSatisfy(\.skipped) }), writer.holdsObjects {
            report.rejection = "no kind asked for is served by " + sources.map(\.name).joined(separator: ", ")
                + " (the wrong context?), so the tree would be emptied; --force empties it"
        }
        if report.complete || (allowPartial && report.rejection == nil) {
            try writer.commit(keeping: sources.flatMap { source in
                source.kinds.filter(\.failed).map { KeptKind(folder: source.folder, resource: $0.kind.resource) }
            })
            report.committed = true
        } else {
            writer.abort()
        }
        return report
    }
}

/// One kind of one source, as the summary counts it.
public struct KindKey: Sendable, Hashable {
    public var source: String
    public var group: String
    public var kind: String

    public init(source: String, group: String, kind: String) {
        self.source = source
        self.group = group
        self.kind = kind
    }
}

/// Objects written per kind of each source, and the namespaces they were in; shared by the
/// tasks of an export.
final class ExportTally: Sendable {
    private let state = Mutex<(total: Int, counts: [KindKey: ExportReport.Count], seen: Set<String>)>((0, [:], []))

    /// Counts one object read in namespace `from` and written in `to`; returns the total so far.
    func add(_ key: KindKey, from: String, to: String) -> Int {
        state.withLock { state in
            state.total += 1
            state.counts[key, default: ExportReport.Count()].add(namespace: to)
            state.seen.insert(from)
            return state.total
        }
    }

    var counts: [KindKey: ExportReport.Count] { state.withLock { $0.counts } }

    /// Whether an object was read in this namespace.
    func seen(_ namespace: String) -> Bool { state.withLock { $0.seen.contains(namespace) } }
}
