import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

struct MeshSettingsTests {
    static let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio, namespace: istio-system}
        data:
          mesh: |-
            rootNamespace: mesh-root
            trustDomain: example.org
            defaultProviders:
              metrics: [prometheus]
              accessLogging: [envoy]
            extensionProviders:
            - name: envoy
              envoyFileAccessLog: {path: /dev/stdout}
        """

    @Test func istioDefaultsWhenNothingSaysOtherwise() throws {
        let snapshot = try CheckTestSupport.snapshot("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
        let settings = try MeshSettings.resolve(file: nil, snapshot: snapshot)
        #expect(settings.rootNamespace == "istio-system")
        #expect(settings.trustDomain == "cluster.local")
        #expect(settings.defaultProviders == MeshSettings.DefaultProviders())
        #expect(settings.source == "Istio's defaults")
    }

    @Test func theIstioConfigMapAmongTheObjects() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.configMap, path: "mesh/cm.yaml")
        let settings = try MeshSettings.resolve(file: nil, snapshot: snapshot)
        #expect(settings.rootNamespace == "mesh-root")
        #expect(settings.trustDomain == "example.org")
        #expect(settings.defaultProviders.metrics == ["prometheus"])
        #expect(settings.defaultProviders.accessLogging == ["envoy"])
        #expect(settings.meshConfig["extensionProviders"]?.sequenceValue?.count == 1)
        #expect(settings.source == "ConfigMap istio-system/istio (mesh/cm.yaml:1:1)")
    }

    @Test func aRevisionReadsItsOwnConfigMapAndFlagsWin() throws {
        let revisioned = Self.configMap.replacingOccurrences(of: "name: istio,", with: "name: istio-1-24,")
        let snapshot = try CheckTestSupport.snapshot(revisioned)
        #expect(try MeshSettings.resolve(file: nil, snapshot: snapshot).rootNamespace == "istio-system")
        let settings = try MeshSettings.resolve(file: nil, snapshot: snapshot,
                                                overrides: MeshOverrides(trustDomain: "new.example", revision: "1-24"))
        #expect(settings.rootNamespace == "mesh-root")
        #expect(settings.trustDomain == "new.example")
        #expect(settings.revision == "1-24")
    }

    @Test func aMeshConfigFileOrAConfigMapFileWinsOverTheObjects() throws {
        let dir = try TestPaths.temporaryDirectory()
        try "rootNamespace: from-file\n".write(toFile: dir + "/mesh.yaml", atomically: true, encoding: .utf8)
        try Self.configMap.write(toFile: dir + "/cm.yaml", atomically: true, encoding: .utf8)
        let snapshot = try CheckTestSupport.snapshot(Self.configMap)
        let fromFile = try MeshSettings.resolve(file: dir + "/mesh.yaml", snapshot: snapshot)
        #expect(fromFile.rootNamespace == "from-file")
        #expect(fromFile.trustDomain == "cluster.local")
        let fromConfigMap = try MeshSettings.resolve(file: dir + "/cm.yaml", snapshot: snapshot,
                                                     overrides: MeshOverrides(rootNamespace: "flag"))
        #expect(fromConfigMap.rootNamespace == "flag")
        #expect(fromConfigMap.trustDomain == "example.org")
    }

    @Test func aBrokenMeshConfigIsAnErrorNamingIt() throws {
        let snapshot = try CheckTestSupport.snapshot("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data: {mesh: "rootNamespace: [unclosed"}
            """, path: "cm.yaml")
        #expect {
            try MeshSettings.resolve(file: nil, snapshot: snapshot)
        } throws: { error in
            "\(error)".hasPrefix("ConfigMap istio-system/istio (cm.yaml:1:1): data.mesh is not YAML: ")
        }
    }
}
