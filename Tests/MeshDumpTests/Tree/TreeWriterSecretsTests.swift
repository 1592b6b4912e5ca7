import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump

/// Issue 12: Secrets are written readable by their owner only, and the marker says the tree
/// holds them; kinds two groups name alike get folders of their own.
struct TreeWriterSecretsTests {
    static func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    static func marker(_ root: String) throws -> String {
        try String(contentsOfFile: root + "/.meshdump", encoding: .utf8)
    }

    @Test func secretsAreMode0600AndTheMarkerSaysSo() throws {
        let root = try TreeWriterTests().temporaryDirectory() + "/data"
        let writer = try TreeWriter(root: root)
        try writer.write(try TreeWriterTests.object("Secret", "istio-ingress", "shop-tls", group: "v1"))
        try writer.write(try TreeWriterTests.object("ConfigMap", "istio-ingress", "settings", group: "v1"))
        try writer.write(try TreeWriterTests.object("Secret", "x", "look-alike", group: "example.com/v1"))
        #expect(writer.holdsSecrets)
        try writer.commit()
        #expect(try Self.mode(root + "/istio-ingress/secrets/shop-tls.yaml") == 0o600)
        #expect(try Self.mode(root + "/istio-ingress/configmaps/settings.yaml") == 0o644)
        #expect(try Self.mode(root + "/x/secrets.example.com/look-alike.yaml") == 0o644)
        #expect(try Self.marker(root) == TreeManifest.secretsHeader
                + "istio-ingress/configmaps/settings.yaml\nistio-ingress/secrets/shop-tls.yaml\nx/secrets.example.com/look-alike.yaml\n")

        // A re-export without Secrets: an ordinary tree again, and still meshdump's.
        let again = try TreeWriter(root: root)
        try again.write(try TreeWriterTests.object("ConfigMap", "istio-ingress", "settings", group: "v1"))
        #expect(!again.holdsSecrets)
        try again.commit()
        #expect(try Self.marker(root) == TreeManifest.header + "istio-ingress/configmaps/settings.yaml\n")
    }

    /// Istio's Gateways keep `gateways/`; the Gateway API's go beside them, qualified.
    @Test func kindsSharingAResourceNameGetTheirOwnFolders() throws {
        let layout = TreeLayout()
        #expect(layout.relativePath(of: ObjectID(group: "networking.istio.io", kind: "Gateway", namespace: "a", name: "g")) == "a/gateways/g.yaml")
        #expect(layout.relativePath(of: ObjectID(group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "a", name: "g"))
                == "a/gateways.gateway.networking.k8s.io/g.yaml")
        #expect(layout.relativePath(of: ObjectID(group: "gateway.networking.k8s.io", kind: "GatewayClass", namespace: "", name: "istio"))
                == "_cluster/gatewayclasses/istio.yaml")
        #expect(layout.relativePath(of: ObjectID(group: "cert-manager.io", kind: "Certificate", namespace: "a", name: "c")) == "a/certificates/c.yaml")
        #expect(TreeLayout.folder(resource: "secrets", group: "") == "secrets")
        #expect(TreeLayout.folder(resource: "secrets", group: "example.com") == "secrets.example.com")
    }
}
