import MeshDumpCore

/// Where one analyzer reports: its findings, and the parts of it that could not run.
public final class FindingReport {
    /// The analyzer's name, stamped on each finding.
    public let analyzer: String
    public private(set) var findings: [Finding] = []
    /// Why parts of the analyzer did not run (`gateway references not checked: no Gateway in the sources`).
    public private(set) var skips: [String] = []

    public init(analyzer: String) {
        self.analyzer = analyzer
    }

    /// Reports a finding about `object`, at `field` when it is about one.
    public func add(_ type: MessageType, _ object: SnapshotObject, field: FieldPath? = nil, _ message: String) {
        findings.append(Finding(type: type, analyzer: analyzer, object: FindingObject(object), field: field,
                                origin: object.origin, message: message))
    }

    /// Records that part of the analyzer did not run, and why.
    public func skip(_ reason: String) {
        if !skips.contains(reason) { skips.append(reason) }
    }
}
