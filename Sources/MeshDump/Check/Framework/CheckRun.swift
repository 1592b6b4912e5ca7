import MeshDumpCore

/// Runs analyzers over a snapshot: the enabled ones, each skipped when the sources lack a kind
/// it needs, findings of disabled codes dropped, fields located in their files, and the
/// findings sorted.
public struct CheckRun: Sendable {
    /// The analyzers to run, after `--disable`.
    public let analyzers: [any Analyzer]
    /// Codes whose findings are dropped.
    public let disabledCodes: Set<String>
    /// The objects whose findings are reported.
    public let scope: FindingScope

    /// The run of `analyzers` without those `disabled` names (an analyzer's name or a code one
    /// of them reports), reporting findings about objects in `scope`. A name that is neither is
    /// a usage error.
    public init(analyzers: [any Analyzer] = Analyzers.all, disabled: [String] = [], scope: FindingScope = FindingScope()) throws(CheckUsageError) {
        let names = Set(analyzers.map(\.name))
        let codes = Set(analyzers.flatMap { $0.messages.map(\.code) })
        for entry in disabled where !names.contains(entry) && !codes.contains(entry) {
            throw CheckUsageError("--disable \(entry): no analyzer or code of that name (see the analyzers and codes in `meshdump check --help`)")
        }
        self.analyzers = analyzers.filter { !disabled.contains($0.name) }
        disabledCodes = Set(disabled).intersection(codes)
        self.scope = scope
    }

    /// Runs every analyzer. `readFile` gives a file's bytes for locating fields (nil: findings
    /// point at their objects' starts).
    public func run(_ snapshot: MeshSnapshot, readFile: FieldLocator.FileReader? = FieldLocator.readFromDisk) -> CheckResult {
        var findings: [Finding] = []
        var skipped: [SkippedAnalyzer] = []
        for analyzer in analyzers {
            if let unmet = analyzer.requirements.first(where: { !$0.isMet(by: snapshot) }) {
                skipped.append(SkippedAnalyzer(analyzer: analyzer.name, reason: unmet.reason))
                continue
            }
            let report = FindingReport(analyzer: analyzer.name)
            analyzer.analyze(snapshot, report)
            findings += report.findings.filter { !disabledCodes.contains($0.code) && scope.includes($0) }
            skipped += report.skips.map { SkippedAnalyzer(analyzer: analyzer.name, reason: $0) }
        }
        if let readFile { FieldLocator(read: readFile).locate(&findings) }
        findings.sort(by: Finding.precedes)
        skipped.sort { ($0.analyzer, $0.reason) < ($1.analyzer, $1.reason) }
        return CheckResult(findings: findings, skipped: skipped, objectCount: snapshot.count, analyzerCount: analyzers.count,
                           missingSecrets: CredentialSecrets.missing(in: snapshot))
    }
}

/// A `--disable` entry that names nothing, or another mistake in how a check was asked for.
public struct CheckUsageError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Finding {
    /// The order findings are printed in: file objects by file and position (so one object's
    /// findings are together, in the order of its fields), then objects from clusters by
    /// identity; within an object by position, field, code, analyzer and message.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        let (ka, kb) = (a.objectKey, b.objectKey)
        if ka != kb { return ka < kb }
        let (pa, pb) = (a.position ?? Mark(line: 0, column: 0), b.position ?? Mark(line: 0, column: 0))
        if pa != pb { return pa < pb }
        return (a.field?.description ?? "", a.code, a.analyzer, a.message) < (b.field?.description ?? "", b.code, b.analyzer, b.message)
    }

    /// Sorts objects: files first (by path, document, then start), then the rest by identity.
    private var objectKey: ObjectSortKey {
        switch origin {
        case .file(let path, let document, let mark): ObjectSortKey(rank: 0, path: path, document: document, mark: mark, object: object.description)
        case .stdin(let document, let mark): ObjectSortKey(rank: 1, path: "", document: document, mark: mark, object: object.description)
        case .cluster, .generated: ObjectSortKey(rank: 2, path: "", document: 0, mark: Mark(line: 0, column: 0), object: object.description)
        }
    }
}

/// The sort key of a finding's object.
private struct ObjectSortKey: Equatable, Comparable {
    var rank: Int
    var path: String
    var document: Int
    var mark: Mark
    var object: String

    static func < (a: ObjectSortKey, b: ObjectSortKey) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.document != b.document { return a.document < b.document }
        if a.mark != b.mark { return a.mark < b.mark }
        return a.object < b.object
    }
}
