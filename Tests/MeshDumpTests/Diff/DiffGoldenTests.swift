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

    /// Unnamed routes read like the change: an insertion is one `+`, a removal one `-`, a swap a
    /// reorder, an edit the fields that changed; a key field that changed type is one change.
    @Test(arguments: DiffFormat.allCases)
    func unnamedLists(format: DiffFormat) async throws {
        let output = try await DiffTestSupport.render(old: DiffTestSupport.testdata("unnamed/old"), new: DiffTestSupport.testdata("unnamed/new"),
                                                      format: format)
        try DiffTestSupport.expectGolden(output, "unnamed/expected.\(format.rawValue)")
    }

    static let renamesOld = DiffTestSupport.testdata("renames/old")
    static let renamesNew = DiffTestSupport.testdata("renames/new")
    static let renamesRules = DiffTestSupport.testdata("renames/rules.yaml")

    /// A namespace move without rules: objects that moved are found by content and shown as
    /// renames with the fields that changed.
    @Test(arguments: DiffFormat.allCases)
    func namespaceMoveFoundByContent(format: DiffFormat) async throws {
        let output = try await DiffTestSupport.render(old: Self.renamesOld, new: Self.renamesNew, format: format)
        try DiffTestSupport.expectGolden(output, "renames/expected.\(format.rawValue)")
    }

    /// With the rules of the move, old objects are mapped first: what the rules explain is no
    /// change, a moved object is a rename, and only the hand edits remain.
    @Test(arguments: [DiffFormat.text, .unified])
    func namespaceMoveMappedByRules(format: DiffFormat) async throws {
        let output = try await DiffTestSupport.render(old: Self.renamesOld, new: Self.renamesNew, format: format, rules: [Self.renamesRules])
        try DiffTestSupport.expectGolden(output, "renames/expected-rules.\(format.rawValue)")
    }
}
