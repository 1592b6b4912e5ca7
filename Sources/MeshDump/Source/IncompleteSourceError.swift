import MeshDumpCore

/// A source some of whose kinds could not be listed, for a command that needs all of it: a
/// diff, rewrite or check of half a cluster would be a lie.
public struct IncompleteSourceError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var failures: [KindReport]

    public var description: String {
        failures.map { report -> String in
            guard case .failed(let message) = report.outcome else { return "" }
            return "\(source): cannot list \(report.qualifiedResource): \(message)"
        }.joined(separator: "\n")
    }
}

extension Array where Element == KindReport {
    /// Throws when a kind failed; skipped kinds (not served, none in the files) are fine.
    public func requireComplete(_ source: String) throws(IncompleteSourceError) {
        let failures = filter(\.failed)
        if !failures.isEmpty { throw IncompleteSourceError(source: source, failures: failures) }
    }
}
