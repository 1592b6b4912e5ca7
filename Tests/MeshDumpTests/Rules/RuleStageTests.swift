import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// The stage as export uses it: from several tasks at once, with one report.
struct RuleStageTests {
    @Test func concurrentUseCountsEveryObjectOnce() async throws {
        let rules = try RuleSet.load(paths: [TestPaths.root + "/testdata/rewrite/issue-example/rules.yaml"])
        let objects = try FileSource(paths: [TestPaths.root + "/testdata/rewrite/issue-example/input"]).objects()
        let sequential = RuleStage(rules: rules, diagnostics: DiagnosticCollector())
        let expected = try objects.map { try sequential.apply($0).map { try YAMLWriter.string($0.value) } }
        let stage = RuleStage(rules: rules, diagnostics: DiagnosticCollector())
        let rounds = 50
        let results = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<rounds {
                group.addTask { objects.map { stage.apply($0).map { try! YAMLWriter.string($0.value) } } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == rounds)
        for result in results { #expect(result == expected) }
        var totals = sequential.report.totals
        totals.objectsIn *= rounds
        totals.objectsOut *= rounds
        totals.changed *= rounds
        totals.dropped *= rounds
        totals.rules = totals.rules.map { r in
            var r = r
            r.matched *= rounds; r.changed *= rounds; r.fields *= rounds; r.dropped *= rounds
            return r
        }
        totals.entries = totals.entries.map { .init(objects: $0.objects * rounds, fields: $0.fields * rounds) }
        #expect(stage.report.totals == totals)
    }

    @Test func rulesSeeTheObjectAsExportedAndMappingsComeAfter() throws {
        let text = """
            apiVersion: meshdump/v1
            kind: Rules
            namespaces: {team-000: payments}
            rules:
              - match: {namespaces: [payments]}
                setLabels: {matched-new-name: "yes"}
              - match: {namespaces: [team-000]}
                setLabels: {matched-old-name: "yes"}
            """
        let stage = RuleStage(rules: try RuleSet.parse(bytes: Array(text.utf8), source: "r.yaml"), diagnostics: DiagnosticCollector())
        let object = try Object(value: ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "a", "namespace": "team-000"]], origin: .generated)
        let out = try #require(stage.apply(object))
        #expect(out.value == ["apiVersion": "v1", "kind": "Service",
                              "metadata": ["name": "a", "namespace": "payments", "labels": ["matched-old-name": "yes"]]])
        #expect(stage.report.unmatched(strict: true).map(\.description) == ["r.yaml:5:5: error: rule \"rules[0]\" matched no object"])
    }

    @Test func aPatchThatBreaksTheObjectIsAnErrorAndLeavesItAlone() throws {
        let text = "apiVersion: meshdump/v1\nkind: Rules\nrules: [{name: unname, match: {}, patch: [{op: remove, path: /metadata/name}]}]\n"
        let diagnostics = DiagnosticCollector()
        let stage = RuleStage(rules: try RuleSet.parse(bytes: Array(text.utf8), source: "r.yaml"), diagnostics: diagnostics)
        let object = try Object(value: ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "a", "namespace": "n"]], origin: .generated)
        #expect(stage.apply(object)?.value == object.value)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "<generated>: error: Service n/a: rule \"unname\": the result is not a Kubernetes object: not a Kubernetes object: it has no metadata.name; the rule was not applied",
        ])
        #expect(stage.report.totals.rules[0].failed == 1)
    }

    /// Warnings carry the field they are about in `fieldPath` (the one display path), not in
    /// their message; origins in every form are rewritten alike and regular expressions reported.
    @Test func warningsNameTheirFieldAndOriginsMoveTogether() throws {
        let text = "apiVersion: meshdump/v1\nkind: Rules\nhosts: {legacy.example.com: api.example.com}\n"
        let diagnostics = DiagnosticCollector()
        let stage = RuleStage(rules: try RuleSet.parse(bytes: Array(text.utf8), source: "r.yaml"), diagnostics: diagnostics)
        let object = try Object(value: [
            "apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": ["name": "v", "namespace": "n"],
            "spec": ["http": [[
                "corsPolicy": ["allowOrigins": [["exact": "https://legacy.example.com"], ["prefix": "https://legacy.example.com"],
                                                ["regex": "https://legacy\\.example\\.com(:\\d+)?"]]],
                "match": [["headers": ["origin": ["exact": "https://legacy.example.com:8443"], "x-host": ["exact": "legacy.example.com"]]]],
            ]]],
        ], origin: .generated)
        let out = try #require(stage.apply(object))
        let http = try #require(out.value[path: ["spec", "http"]]?.sequenceValue?.first)
        #expect(http[path: ["corsPolicy", "allowOrigins"]] == [["exact": "https://api.example.com"], ["prefix": "https://api.example.com"],
                                                               ["regex": "https://legacy\\.example\\.com(:\\d+)?"]])
        #expect(http["match"]?.sequenceValue?.first?[path: ["headers", "origin", "exact"]] == "https://api.example.com:8443")
        #expect(diagnostics.diagnostics.map(\.message) == [
            "VirtualService n/v: regular expression mentions legacy.example.com; not rewritten",
            "VirtualService n/v: mentions legacy.example.com; not rewritten",
        ])
        #expect(diagnostics.diagnostics.map { $0.fieldPath?.description } == [
            "spec.http[0].corsPolicy.allowOrigins[2].regex", "spec.http[0].match[0].headers.x-host.exact",
        ])
    }
}
