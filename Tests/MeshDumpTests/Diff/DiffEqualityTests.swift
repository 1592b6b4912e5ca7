import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump

/// What a diff must not report: key order, quoting, JSON or YAML, file layout, Lists, number
/// spelling. And what it must: a version change, once.
struct DiffEqualityTests {
    static let yaml = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: team-a
        spec:
          host: reviews
          trafficPolicy:
            connectionPool:
              http:
                h2UpgradePolicy: UPGRADE
            outlierDetection:
              consecutive5xxErrors: 7
              interval: 5m
          subsets:
          - name: "1.0"
            labels:
              version: "1.0"
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: ingress
          namespace: istio-system
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port: {number: 443, name: https, protocol: HTTPS}
            hosts: ["*.example.com"]

        """

    static let equivalents: [(String, [String: String])] = [
        ("keys reordered and quoting changed", ["all.yaml": """
            kind: DestinationRule
            spec:
              subsets:
              - labels: {version: '1.0'}
                name: '1.0'
              trafficPolicy:
                outlierDetection: {interval: "5m", consecutive5xxErrors: +7}
                connectionPool: {http: {h2UpgradePolicy: "UPGRADE"}}
              host: 'reviews'
            metadata: {namespace: team-a, name: reviews}
            apiVersion: networking.istio.io/v1
            ---
            metadata: {name: ingress, namespace: istio-system}
            apiVersion: "networking.istio.io/v1"
            kind: Gateway
            spec: {servers: [{hosts: ['*.example.com'], port: {protocol: HTTPS, name: https, number: 443}}], selector: {istio: ingressgateway}}
            """]),
        ("JSON files in another layout", [
            "team-a/dr.json": #"{"apiVersion":"networking.istio.io/v1","kind":"DestinationRule","metadata":{"name":"reviews","namespace":"team-a"},"spec":{"host":"reviews","subsets":[{"labels":{"version":"1.0"},"name":"1.0"}],"trafficPolicy":{"connectionPool":{"http":{"h2UpgradePolicy":"UPGRADE"}},"outlierDetection":{"consecutive5xxErrors":7,"interval":"5m"}}}}"#,
            "deep/er/gw.yml": """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: ingress, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*.example.com"]}]
                """,
        ]),
        ("a kubectl List", ["list.json": #"""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion":"networking.istio.io/v1","kind":"Gateway","metadata":{"name":"ingress","namespace":"istio-system"},"spec":{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":443,"name":"https","protocol":"HTTPS"},"hosts":["*.example.com"]}]}},
              {"apiVersion":"networking.istio.io/v1","kind":"DestinationRule","metadata":{"name":"reviews","namespace":"team-a"},"spec":{"host":"reviews","subsets":[{"labels":{"version":"1.0"},"name":"1.0"}],"trafficPolicy":{"connectionPool":{"http":{"h2UpgradePolicy":"UPGRADE"}},"outlierDetection":{"consecutive5xxErrors":7,"interval":"5m"}}}}
            ]}
            """#]),
    ]

    @Test(arguments: 0..<equivalents.count)
    func equivalentTreesAreEqual(index: Int) async throws {
        let (label, files) = Self.equivalents[index]
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write(Self.yaml, to: dir + "/old/objects.yaml")
            for (path, text) in files { try DiffTestSupport.write(text, to: dir + "/new/" + path) }
            let result = try await DiffRun(old: FileSource(paths: [dir + "/old"]), new: FileSource(paths: [dir + "/new"])).run()
            #expect(!result.hasDifferences, "\(label): \(result.objects.map { "\($0.id): \($0.changes.map(\.path.description))" })")
            #expect(result.unchanged == 2, "\(label)")
        }
    }

    /// A version change of one group is one object changed, with only its apiVersion line.
    @Test func versionChangeIsOneChange() async throws {
        try await DiffTestSupport.withTemporaryDirectory { dir in
            try DiffTestSupport.write(Self.yaml, to: dir + "/old.yaml")
            try DiffTestSupport.write(Self.yaml.replacingOccurrences(of: "networking.istio.io/v1\nkind: Gateway", with: "networking.istio.io/v1beta1\nkind: Gateway"), to: dir + "/new.yaml")
            let result = try await DiffRun(old: FileSource(paths: [dir + "/old.yaml"]), new: FileSource(paths: [dir + "/new.yaml"])).run()
            #expect(result.summary == "1 changed, 0 added, 0 removed, 1 unchanged")
            let text = String(decoding: try DiffFormat.text.render(result), as: UTF8.self)
            #expect(text == """
                ~ Gateway istio-system/ingress
                  ~ apiVersion: networking.istio.io/v1 → networking.istio.io/v1beta1
                1 changed, 0 added, 0 removed, 1 unchanged

                """)
        }
    }

    /// Another group is another object (extensions.istio.io/WasmPlugin is not a
    /// networking.istio.io one), so it is removed and added.
    @Test func otherGroupIsAnotherObject() throws {
        let a = try DiffTestSupport.object(["apiVersion": "networking.istio.io/v1", "kind": "X", "metadata": ["name": "n"]])
        let b = try DiffTestSupport.object(["apiVersion": "example.com/v1", "kind": "X", "metadata": ["name": "n"]])
        let result = try ObjectDiffer().compare(old: [a], new: [b])
        #expect(result.objects.map(\.status) == [.added, .removed])
    }
}
