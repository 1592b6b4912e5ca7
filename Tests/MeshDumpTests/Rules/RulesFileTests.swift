import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Loading a rules file: the issue's example reads as it says, and every kind of mistake is an
/// error at its file, line and column, before anything is read or written.
struct RulesFileTests {
    static let header = "apiVersion: meshdump/v1\nkind: Rules\n"

    static func parse(_ text: String) throws(RulesFileError) -> RuleSet {
        try RuleSet.parse(bytes: Array(text.utf8), source: "rules.yaml")
    }

    @Test func theIssueExampleReads() throws {
        let rules = try RuleSet.load(paths: [TestPaths.root + "/testdata/rewrite/issue-example/rules.yaml"])
        #expect(rules.namespaces.map { "\($0.from)→\($0.to)" } == ["team-000→payments"])
        #expect(rules.hosts.map { "\($0.from)→\($0.to)" } == ["*.shop.example.com→*.shop.example.org"])
        #expect(rules.gateways.map { "\($0.from)→\($0.to)" } == ["istio-system/ingress-0→istio-ingress/public"])
        #expect(rules.gatewaySelectors.map(\.summary) == ["{istio: ingressgateway} → {istio: ingressgateway-intranet}"])
        #expect(rules.trustDomain?.from == "cluster.local" && rules.trustDomain?.to == "mesh.example.com")
        #expect(rules.clusterDomain == "cluster.local")
        #expect(rules.revision?.from == "1-18-5" && rules.revision?.to == nil)
        #expect(rules.rules.map(\.name) == ["drop TCM bookkeeping", "rules[1]", "rules[2]"])
        let first = rules.rules[0]
        #expect(first.match.kinds?.map(\.kind) == ["VirtualService", "Gateway"])
        #expect(first.match.namespaces?.map(\.pattern) == ["team-*"])
        #expect(first.match.labels?.requirements == [.equals("app.kubernetes.io/managed-by", "tcm")])
        #expect(first.removeLabels == ["app.kubernetes.io/managed-by"])
        #expect(first.setLabels.map { "\($0.key)=\($0.value)" } == ["migrated-from=tcm"])
        #expect(rules.rules[1].drop && rules.rules[1].match.conditions.map(\.path.description) == ["/spec/workloadSelector/labels/app"])
        #expect(rules.rules[2].patch?.operations == [.replace(try JSONPointer(parsing: "/spec/trafficPolicy/loadBalancer/simple"), "ROUND_ROBIN")])
        // Mapping entries point at their key, for "matched nothing" warnings.
        #expect(rules.namespaces[0].origin.description.hasSuffix("rules.yaml:4:3"))
    }

    /// The commented examples users copy from `rules/` stay valid.
    @Test func theExampleRuleSetsLoad() throws {
        let files = try InputPaths.expand([TestPaths.root + "/rules"])
        #expect(files.count >= 4)
        for file in files {
            let rules = try RuleSet.load(paths: [file])
            #expect(!rules.isEmpty, "\(file)")
        }
    }

    /// Issue 11: an empty rules file (a wrong path, a truncated copy) was taken for "no rules".
    @Test(arguments: ["", "# nothing yet\n", "---\n"])
    func aFileWithoutARulesDocumentIsAnError(_ text: String) {
        #expect(throws: RulesFileError(source: "rules.yaml", mark: nil,
                                       message: "holds no rules (a document with apiVersion: meshdump/v1 and kind: Rules)")) {
            try Self.parse(text)
        }
    }

    @Test func aRulesDocumentWithNothingInItIsAnEmptyRuleSet() throws {
        #expect(try Self.parse(Self.header).isEmpty)
    }

    /// (rules file, the exact error).
    static let errors: [(String, String)] = [
        ("apiVersion: meshdump/v1\nkind: Rules\nnamespace:\n  a: b\n",
         "rules.yaml:3:1: unknown key \"namespace\"; did you mean \"namespaces\"?"),
        ("kind: Rules\n", "rules.yaml:1:1: missing apiVersion: meshdump/v1"),
        ("apiVersion: meshdump/v2\nkind: Rules\n", "rules.yaml:1:13: apiVersion: must be meshdump/v1, not \"meshdump/v2\""),
        ("apiVersion: meshdump/v1\nkind: Rule\n", "rules.yaml:2:7: kind: must be Rules, not \"Rule\""),
        ("- a\n", "rules.yaml:1:1: must be a mapping (apiVersion: meshdump/v1, kind: Rules, …), not a list"),
        (header + "namespaces: [a, b]\n", "rules.yaml:3:13: namespaces: must be a mapping of namespace names (old: new), not a list"),
        (header + "namespaces:\n  team-000: 7\n", "rules.yaml:4:13: namespaces.team-000: must be a string, not an integer (quote it to make it a string)"),
        (header + "namespaces:\n  Team-000: payments\n",
         "rules.yaml:4:3: \"Team-000\" is not a namespace name (lowercase letters, digits and \"-\", at most 63)"),
        (header + "namespaces:\n  a: a\n", "rules.yaml:4:6: namespaces.a: maps namespace a to itself"),
        (header + "hosts:\n  \"*.a.com\": b.com\n",
         "rules.yaml:4:14: hosts[\"*.a.com\"]: a wildcard host maps to a wildcard host and an exact host to an exact host; \"*.a.com\" cannot become \"b.com\""),
        (header + "hosts:\n  \"a..com\": b.com\n", "rules.yaml:4:3: \"a..com\" is not a host name or *.suffix wildcard"),
        (header + "gateways:\n  ingress-0: istio-ingress/public\n", "rules.yaml:4:3: \"ingress-0\" is not a gateway as namespace/name"),
        (header + "gatewaySelectors:\n  - from: {istio: ingressgateway}\n    to: {}\n",
         "rules.yaml:5:9: gatewaySelectors[0].to: must hold at least one label (an empty selector selects every workload)"),
        (header + "gatewaySelectors:\n  - from: {istio: ingressgateway}\n    into: {istio: x}\n",
         "rules.yaml:5:5: unknown key \"into\" in gatewaySelectors[0]; did you mean \"to\"?"),
        (header + "trustDomain: {from: cluster.local}\n", "rules.yaml:3:14: trustDomain: missing to"),
        (header + "trustDomain: {from: cluster.local, to: a/b}\n",
         "rules.yaml:3:40: trustDomain.to: must be a trust domain (a name such as cluster.local)"),
        (header + "clusterDomain: [cluster.local]\n", "rules.yaml:3:16: clusterDomain: must be a string, not a list"),
        (header + "revision: {from: 1-18-5, to: 1.20 beta}\n", "rules.yaml:3:30: revision.to: \"1.20 beta\" is not a label value"),
        (header + "rules:\n  - match: {kinds: [VirtualServce]}\n    drop: true\n",
         "rules.yaml:4:21: rules[0].match.kinds[0]: unknown kind \"VirtualServce\"; known: VirtualService, Gateway, EnvoyFilter, DestinationRule, Sidecar, PeerAuthentication, AuthorizationPolicy, RequestAuthentication, Telemetry, ProxyConfig, ServiceEntry, WorkloadEntry, WorkloadGroup, WasmPlugin (or their resource or short names)"),
        (header + "rules:\n  - match: {namespaces: [\"team-[0\"]}\n    drop: true\n",
         "rules.yaml:4:26: rules[0].match.namespaces[0]: invalid glob \"team-[0\": \"[\" is not closed by \"]\""),
        (header + "rules:\n  - match: {namespaces: [\"Team-*\"]}\n    drop: true\n",
         "rules.yaml:4:26: rules[0].match.namespaces[0]: \"Team-*\" can never match a namespace: namespaces are lowercase letters, digits and \"-\""),
        (header + "rules:\n  - match: {names: [\"a]\"]}\n    drop: true\n",
         "rules.yaml:4:21: rules[0].match.names[0]: invalid glob \"a]\": \"]\" has no \"[\" before it"),
        (header + "rules:\n  - match: {labels: \"app in (web\"}\n    drop: true\n",
         "rules.yaml:4:21: rules[0].match.labels: invalid label selector \"app in (web\": expected \")\" to close the set"),
        (header + "rules:\n  - match:\n      where: [{path: spec/x, equals: 1}]\n    drop: true\n",
         "rules.yaml:5:22: rules[0].match.where[0].path: invalid JSON Pointer \"spec/x\": must start with \"/\""),
        (header + "rules:\n  - match:\n      where: [{path: /spec/x}]\n    drop: true\n",
         "rules.yaml:5:15: rules[0].match.where[0]: missing equals"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    patch:\n      - {op: replace, path: /spec/a~2}\n",
         "rules.yaml:6:9: rules[0].patch[0]: replace needs value"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    patch:\n      - {op: replace, path: /spec/a~2, value: 1}\n",
         "rules.yaml:6:29: rules[0].patch[0].path: invalid JSON Pointer \"/spec/a~2\": \"~\" must be followed by 0 or 1"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    patch:\n      - {op: replase, path: /a, value: 1}\n",
         "rules.yaml:6:14: rules[0].patch[0].op: unknown op \"replase\"; did you mean \"replace\"?"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    patch:\n      - {op: remove, path: /a, value: 1}\n",
         "rules.yaml:6:32: unknown key \"value\" in rules[0].patch[0]; expected one of: op, path"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    setLabels: {version: 1}\n",
         "rules.yaml:5:26: rules[0].setLabels.version: label values are strings, not an integer; quote it"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    removeLabels: app\n",
         "rules.yaml:5:19: rules[0].removeLabels: must be a list of label keys, not a string"),
        (header + "rules:\n  - match: {kinds: [dr]}\n    drop: true\n    setLabels: {a: b}\n",
         "rules.yaml:4:5: rules[0]: drops what it matches, so it cannot also edit it; split it into two rules"),
        (header + "rules:\n  - name: nothing\n    match: {kinds: [dr]}\n",
         "rules.yaml:4:5: rules[0]: does nothing: give it drop: true, setLabels, removeLabels, setAnnotations, removeAnnotations or patch"),
        (header + "rules:\n  - matches: {kinds: [dr]}\n    drop: true\n",
         "rules.yaml:4:5: unknown key \"matches\" in rules[0]; did you mean \"match\"?"),
        (header + "rules:\n  - match: {kinds: [dr], name: [x]}\n    drop: true\n",
         "rules.yaml:4:26: unknown key \"name\" in rules[0].match; did you mean \"names\"?"),
        (header + "namespaces:\n  a: b\n  a: c\n", "rules.yaml:5:3: duplicate key \"a\" in mapping"),
        (header + "namespaces: {a: [b\n", "rules.yaml:4:1: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 17)"),
    ]

    @Test(arguments: errors)
    func errorIsAtItsPlace(_ text: String, _ expected: String) {
        #expect(throws: (any Error).self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func filesMergeAndConflictsAreErrors() throws {
        var set = try Self.parse(Self.header + "namespaces: {a: b}\nrules: [{match: {kinds: [vs]}, drop: true}]\n")
        try set.merge(try RuleSet.parse(bytes: Array((Self.header + "namespaces: {a: b, c: d}\nrules: [{match: {kinds: [gw]}, drop: true}]\n").utf8), source: "more.yaml"))
        #expect(set.namespaces.map(\.from) == ["a", "c"])
        #expect(set.rules.count == 2)
        let conflicting = try RuleSet.parse(bytes: Array((Self.header + "namespaces:\n  a: x\n").utf8), source: "other.yaml")
        #expect(throws: RulesFileError(source: "other.yaml", mark: Mark(line: 4, column: 3),
                                       message: "namespace a is already mapped differently at rules.yaml:3:14")) {
            try set.merge(conflicting)
        }
    }

    @Test func unnamedRulesAreNumberedAcrossDocuments() throws {
        let set = try Self.parse(Self.header + "rules: [{match: {kinds: [vs]}, drop: true}]\n---\n" + Self.header
            + "rules: [{match: {kinds: [gw]}, drop: true}, {name: third, match: {}, drop: true}]\n")
        #expect(set.rules.map(\.name) == ["rules[0]", "rules[1]", "third"])
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: RulesFileError(source: "/nonexistent/rules.yaml", mark: nil, message: "No such file or directory")) {
            try RuleSet.load(paths: ["/nonexistent/rules.yaml"])
        }
    }
}
