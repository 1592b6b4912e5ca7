/// One check over a `MeshSnapshot`, reporting findings.
///
/// To add one: a type conforming to `Analyzer` (its `name` exactly as istioctl's
/// `Metadata().Name`, or `meshdump.…`), the `MessageType`s it emits declared beside it, its
/// `requirements`, and an entry in `Analyzers.all`. Analyzers see objects in a deterministic
/// order but need not report in one: the check run sorts findings.
public protocol Analyzer: Sendable {
    /// The name users see and `--disable` takes (`virtualservice.GatewayAnalyzer`).
    var name: String { get }
    /// Every kind of finding this analyzer can report (for `--disable CODE` and SARIF rules).
    var messages: [MessageType] { get }
    /// Kinds it needs: when the sources hold none of a requirement's kinds, the run skips the
    /// analyzer with that requirement's reason instead of reporting what it cannot know.
    var requirements: [KindRequirement] { get }
    /// Reports what is wrong in `snapshot`.
    func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport)
}

extension Analyzer {
    public var requirements: [KindRequirement] { [] }
}

/// Kinds an analyzer needs: at least one of them must be in the sources.
public struct KindRequirement: Sendable, Hashable {
    public var anyOf: [GroupKind]

    public init(_ anyOf: GroupKind...) {
        self.anyOf = anyOf
    }

    public func isMet(by snapshot: MeshSnapshot) -> Bool {
        anyOf.contains(where: snapshot.holds)
    }

    /// Why an analyzer needing this was skipped: `no Service or ServiceEntry in the sources`.
    public var reason: String {
        "no \(anyOf.map(\.displayName).joined(separator: " or ")) in the sources"
    }
}
