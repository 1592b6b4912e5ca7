import Foundation
import Testing
@testable import MeshDump

/// Every output format over a realistic review: Istio files (copies of some of
/// testdata/istio-configs in testdata/diff/istio/old) against a migrated tree in another layout,
/// with JSON files, multi-document files, versions changed, list entries
/// inserted by name and port, a Lua script edited, objects added and removed.
struct DiffGoldenTests {
    static let old = DiffTestSupport.testdata("istio/old")
    static let new = DiffTestSupport.testdata("istio/new")

    @Test(arguments: DiffFormat.allCases)
    func istioReview(format: DiffFormat) async throws {
        let output = try await DiffTestSupport.render(old: Self.old, new: Self.new, format: format)
        try DiffTestSupport.expectGolden(output, "istio/expected.\(format.rawValue)")
    }

    @Test func istioReviewInColour() async throws {
        let output = try await DiffTestSupport.render(old: Self.old, new: Self.new, format: .text, colored: true)
        try DiffTestSupport.expectGolden(output, "istio/expected-color.text")
    }

    @Test func istioReviewWithIgnorePatterns() async throws {
        let output = try await DiffTestSupport.render(
            old: Self.old, new: Self.new, format: .text,
            ignore: ["metadata.annotations.*", "spec.http[*].route[*].weight", "spec.priority",
                     "spec.subsets[name=v2*]", "spec.http[name=canary]"])
        try DiffTestSupport.expectGolden(output, "istio/expected-ignore.text")
    }

    @Test func istioReviewOfSomeKindsAndNamespaces() async throws {
        let output = try await DiffTestSupport.render(old: Self.old, new: Self.new, format: .stat,
                                                      kinds: "vs,gateways,AuthorizationPolicy", namespaces: ["exampleegressgw"])
        try DiffTestSupport.expectGolden(output, "istio/expected-filtered.stat")
    }

    /// The reverse diff says the opposite: every added object removed and the other way round.
    @Test func reverseSwapsAddedAndRemoved() async throws {
        let output = try await DiffTestSupport.render(old: Self.new, new: Self.old, format: .stat)
        try DiffTestSupport.expectGolden(output, "istio/expected-reverse.stat")
    }
}
