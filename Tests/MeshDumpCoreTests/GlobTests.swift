import Testing
@testable import MeshDumpCore

struct GlobTests {
    @Test(arguments: [
        ("team-*", "team-000", true), ("team-*", "team-", true), ("team-*", "teams", false),
        ("*", "", true), ("?b", "gb", true), ("?b", "b", false), ("*-canary", "reviews-canary", true),
        ("team-00[1-9]", "team-001", true), ("team-00[1-9]", "team-000", false), ("team-00[!1-9]", "team-000", true),
        ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("\\*", "*", true), ("\\*", "a", false),
        ("*.*", "a.b", true), ("*.*", "ab", false),
    ])
    func matches(_ pattern: String, _ name: String, _ expected: Bool) throws {
        #expect(try Glob(pattern).matches(name) == expected)
    }

    @Test(arguments: [
        ("", "it is empty"), ("a[b", "\"[\" is not closed by \"]\""), ("a]", "\"]\" has no \"[\" before it"),
        ("a\\", "it ends with \"\\\""), ("[z-a]", "the range \"z-a\" is backwards"), ("[]", "\"[]\" matches nothing"),
    ])
    func errors(_ pattern: String, _ reason: String) {
        #expect(throws: GlobError(pattern: pattern, reason: reason)) { try Glob(pattern) }
    }
}
