import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Objects checked against Istio's own CRDs (`testdata/check/crds/crd-all.gen.yaml`): what the
/// API server refuses is found at its field, and what it accepts is not.
struct SchemaValidatorTests {
    static let catalog: CRDCatalog = {
        let objects = try! FileSource(paths: [TestPaths.root + "/testdata/check/crds/crd-all.gen.yaml"]).objects()
        return CRDCatalog(objects)
    }()

    static func violations(_ yaml: String) throws -> [String] {
        let decoder = ObjectDecoder(InputBytes(Array(yaml.utf8), source: "test.yaml"))
        let object = try #require(try decoder.next())
        let definition = try #require(catalog.definition(group: object.group, kind: object.kind))
        let schema = try #require(definition.versions[object.version]?.schema)
        return SchemaValidator.violations(of: object.value, schema: schema).map {
            "\($0.problem == .unknownField ? "unknown" : "invalid") \($0.path): \($0.message)"
        }
    }

    @Test func acceptsAWellFormedVirtualService() throws {
        #expect(try Self.violations("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a, namespace: b, labels: {app: a}}
            spec:
              hosts: [a.b.svc.cluster.local]
              http:
              - match: [{uri: {prefix: /x}, port: 80}]
                route: [{destination: {host: a, port: {number: 80}}, weight: 100}]
                timeout: 5s
            """) == [])
    }

    @Test func findsUnknownFieldsWrongTypesAndEnums() throws {
        #expect(try Self.violations("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: a, labels: {ok: "yes", port: 80}, owner: me}
            spec:
              host: 7
              trafficPolicy:
                loadBalancer: {simple: ROUND_ROBINN}
                connectionPool: {tcp: {maxConnections: "10"}}
              subsets:
              - name: v1
                labels: {version: v1}
                trafficPolcy: {}
            """) == [
                "invalid metadata.labels.port: must be a string, not an integer (quote it)",
                "unknown metadata.owner: unknown field \"owner\" in metadata",
                "invalid spec.host: must be a string, not an integer",
                "invalid spec.trafficPolicy.loadBalancer.simple: must be one of \"UNSPECIFIED\", \"LEAST_CONN\", \"RANDOM\", \"PASSTHROUGH\", \"ROUND_ROBIN\", \"LEAST_REQUEST\" (is \"ROUND_ROBINN\")",
                "invalid spec.trafficPolicy.connectionPool.tcp.maxConnections: must be an integer, not a string",
                "unknown spec.subsets[0].trafficPolcy: unknown field \"trafficPolcy\"",
            ])
    }

    @Test func findsAlternativesThatExcludeEachOther() throws {
        #expect(try Self.violations("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: a}
            spec:
              host: a
              trafficPolicy:
                loadBalancer: {simple: RANDOM, consistentHash: {useSourceIp: true}}
            """) == [
                "invalid spec.trafficPolicy.loadBalancer: may set only one of simple, consistentHash, backendUtilization (sets simple, consistentHash)",
            ])
    }

    @Test func keepsUnknownFieldsWhereTheSchemaPreservesThem() throws {
        #expect(try Self.violations("""
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata: {name: a}
            spec:
              configPatches:
              - applyTo: HTTP_FILTER
                patch: {operation: INSERT_BEFORE, value: {name: x, anything: {goes: [1]}}}
            """) == [])
    }
}
