/// What a check found: the findings in order, the analyzers (or parts) skipped and why.
public struct CheckResult: Sendable, Equatable {
    public var findings: [Finding]
    public var skipped: [SkippedAnalyzer]
    /// Objects checked.
    public var objectCount: Int
    /// Analyzers run or skipped (not those disabled).
    public var analyzerCount: Int
    /// The Secrets (`namespace/name`) credentialNames need and the sources lack, for `-o secrets`
    /// (every one needed when the sources hold no Secret).
    public var missingSecrets: [String]

    public init(findings: [Finding], skipped: [SkippedAnalyzer], objectCount: Int, analyzerCount: Int, missingSecrets: [String] = []) {
        self.findings = findings
        self.skipped = skipped
        self.objectCount = objectCount
        self.analyzerCount = analyzerCount
        self.missingSecrets = missingSecrets
    }

    /// How many findings have this severity.
    public func count(_ severity: Finding.Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// Whether the check fails at `--fail-on`: a finding is at or above `failOn`.
    public func fails(at failOn: Finding.Severity) -> Bool {
        findings.contains { $0.severity >= failOn }
    }
}

/// An analyzer, or part of one, that did not run, and why (`no Pod in the sources`).
public struct SkippedAnalyzer: Sendable, Hashable {
    public var analyzer: String
    public var reason: String

    public init(analyzer: String, reason: String) {
        self.analyzer = analyzer
        self.reason = reason
    }
}
