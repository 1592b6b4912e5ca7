import MeshDumpCore
import Synchronization

/// `meshdump export`: objects from one or more sources, through neat and the rules, into one
/// tree written atomically.
///
/// Every object passes the filter, then the stages (neat, then rules), then the tree writer,
/// as it arrives. The new tree replaces the old one only when every asked kind of every
/// source succeeded; otherwise nothing changes on disk, unless partial output was allowed.
public struct ExportRun: Sendable {
    /// One source and the folder of the tree it goes to (nil: the tree's root).
    public struct Target: Sendable {
        public var source: any ExportSource
        public var folder: String?

        public init(source: any ExportSource, folder: String? = nil) {
            self.source = source
            self.folder = folder
        }
    }

    public var output: String
    public var force: Bool
    public var allowPartial: Bool
    public var stages: any ObjectStage
    /// A last check once every object is written: a reason to keep the old tree (`--strict`
    /// rules that matched nothing), or nil.
    public var finalCheck: @Sendable () -> String? = { nil }

    public init(output: String, force: Bool = false, allowPartial: Bool = false, stages: any ObjectStage = Neat()) {
        self.output = output
        self.force = force
        self.allowPartial = allowPartial
        self.stages = stages
    }

    /// Runs the export; `progress` is called with the number of objects written so far.
    public func run(_ targets: [Target], request: ExportRequest,
                    progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> ExportReport {
        let writer = try TreeWriter(root: output, force: force)
        let tally = ExportTally()
        var sources: [ExportReport.Source] = []
        do {
            try await withThrowingTaskGroup(of: ExportReport.Source.self) { group in
                for target in targets {
                    group.addTask {
                        let kinds = try await target.source.export(request) { object, resource in
                            guard request.filter.includes(object), let out = try stages.apply(object) else { return }
                            try writer.write(out, resource: resource, folder: target.folder)
                            progress(tally.add(source: target.source.name, resource: resource, namespace: out.namespace))
                        }
                        return ExportReport.Source(name: target.source.name, folder: target.folder, kinds: kinds)
                    }
                }
                for try await source in group { sources.append(source) }
            }
        } catch {
            writer.abort()
            throw error
        }
        sources.sort { ($0.folder ?? "", $0.name) < ($1.folder ?? "", $1.name) }
        var report = ExportReport(output: output, sources: sources, counts: tally.counts)
        report.rejection = finalCheck()
        if report.complete || (allowPartial && report.rejection == nil) {
            try writer.commit()
            report.committed = true
        } else {
            writer.abort()
        }
        return report
    }
}

/// Objects written per source and resource, and the namespaces they were in; shared by the
/// tasks of an export.
final class ExportTally: Sendable {
    private let state = Mutex<(total: Int, counts: [String: ExportReport.Count])>((0, [:]))

    /// Counts one object; returns the total so far.
    func add(source: String, resource: String, namespace: String) -> Int {
        state.withLock { state in
            state.total += 1
            state.counts[source + "\u{0}" + resource, default: ExportReport.Count()].add(namespace: namespace)
            return state.total
        }
    }

    var counts: [String: ExportReport.Count] { state.withLock { $0.counts } }
}
