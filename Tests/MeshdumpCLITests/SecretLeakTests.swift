import Foundation
import Testing
import TestSupport

/// Issue 12: no Secret value reaches standard output, standard error or `diff` output in any
/// format (text, json, unified, stat), from a tree, a cluster or either against the other; a
/// changed value shows as a changed hash. Every value the fixture server generates starts with
/// `fixture secret ` (base64 `Zml4dHVyZSBzZWNyZXQg`), and the values these tests add do too.
struct SecretLeakTests {
    static let plain = "fixture secret"
    static let encoded = "Zml4dHVyZSBzZWNyZXQg"

    static func expectNoValue(_ r: ProcessOutput, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [r.stdout, r.stderr] {
            #expect(!text.contains(plain) && !text.contains(encoded), "\(what) shows a Secret value:\n\(text)", sourceLocation: sourceLocation)
        }
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func noSecretValueInExportOrDiffOutput() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--generate", "2x11x1", "--with-dependencies"], in: dir)
        let export = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/old", "--with-namespaces", "--with-secrets",
                                  "--kinds", "gw,dr,secrets"])
        #expect(export.code == 0, "\(export.stderr)")
        Self.expectNoValue(export, "export")
        let shop = try CLI.read(dir + "/old/istio-ingress/secrets/shop-tls.yaml")
        #expect(shop.contains(Self.encoded), "the tree itself holds the values")

        // The new side: one value changed, one Secret gone, one added with stringData.
        try FileManager.default.copyItem(atPath: dir + "/old", toPath: dir + "/new")
        let key = Self.base64("fixture secret istio-ingress/shop-tls tls.key")
        try CLI.write(shop.replacingOccurrences(of: key, with: Self.base64("fixture secret a new key")), to: dir + "/new/istio-ingress/secrets/shop-tls.yaml")
        try FileManager.default.removeItem(atPath: dir + "/new/istio-ingress/secrets/reviews-tls.yaml")
        try CLI.write("""
            apiVersion: v1
            kind: Secret
            metadata: {name: added, namespace: istio-ingress}
            stringData: {password: fixture secret in stringData}
            """, to: dir + "/new/istio-ingress/secrets/added.yaml")

        for format in ["text", "json", "unified", "stat"] {
            for (old, new) in [(dir + "/old", dir + "/new"), ("cluster:", dir + "/new"), (dir + "/new", "cluster:")] {
                let cluster = old == "cluster:" || new == "cluster:"
                let r = try CLI.run(["diff", old, new, "-o", format, "--kinds", "secrets"] + (cluster ? ["--kubeconfig", server.kubeconfig] : []))
                #expect(r.code == 1, "\(format) \(old) \(new): \(r.stderr)")
                Self.expectNoValue(r, "diff -o \(format) \(old) \(new)")
            }
        }
        let text = try CLI.run(["diff", dir + "/old", dir + "/new"])
        #expect(text.stdout.contains("~ Secret istio-ingress/shop-tls\n  ~ data[\"tls.key\"]: (redacted sha256:"))
        #expect(text.stdout.contains("+ Secret istio-ingress/added\n"))
        #expect(text.stdout.contains("- Secret istio-ingress/reviews-tls\n"))
        #expect(!text.stdout.contains("tls.crt"), "an unchanged value is not a change")
        let json = try CLI.run(["diff", dir + "/old", dir + "/new", "-o", "json"])
        #expect(json.stdout.contains("\"password\": \"(redacted sha256:"), "an added Secret's values are redacted too")
    }

    /// What else prints objects or their fields: a raw diff (`--no-neat`, last-applied
    /// annotation included), a rewrite's dry run, and an export that fails.
    @Test func noSecretValueInRawDiffsDryRunsOrFailures() throws {
        let dir = try TestPaths.temporaryDirectory()
        let applied = "{\"apiVersion\":\"v1\",\"data\":{\"token\":\"\(Self.base64("fixture secret applied"))\"},\"kind\":\"Secret\"}"
        try CLI.write("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: app
              namespace: team-000
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '\(applied)'
            data:
              token: \(Self.base64("fixture secret applied"))
            """, to: dir + "/old/app.yaml")
        try CLI.write("apiVersion: v1\nkind: Secret\nmetadata: {name: app, namespace: team-000}\ndata: {token: \(Self.base64("fixture secret other"))}\n",
                      to: dir + "/new/app.yaml")
        for format in ["text", "json", "unified", "stat"] {
            let raw = try CLI.run(["diff", dir + "/old", dir + "/new", "--no-neat", "-o", format])
            #expect(raw.code == 1)
            Self.expectNoValue(raw, "diff --no-neat -o \(format)")
        }
        try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespaces:\n  team-000: payments\n", to: dir + "/rules.yaml")
        let dryRun = try CLI.run(["rewrite", "--rules", dir + "/rules.yaml", dir + "/old", "--dry-run"])
        #expect(dryRun.code == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("Secret"))
        Self.expectNoValue(dryRun, "rewrite --dry-run")
        try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespaces:\n  nowhere: payments\n", to: dir + "/typo.yaml")
        let failed = try CLI.run(["export", "--from", dir + "/old", "-d", dir + "/out", "--kinds", "secrets", "--rules", dir + "/typo.yaml", "--strict"])
        #expect(failed.code == 1)
        Self.expectNoValue(failed, "a failed export")
    }
}
