import MeshDumpCore
import Testing
@testable import MeshDump

/// `--kinds`: known names resolve at once, aliases add their groups, other names wait for a
/// source, and files match them against the kinds they hold.
struct KindSelectionTests {
    @Test func knownNamesResolveInOrderWithoutDuplicates() throws {
        let selection = try KindSelection(parsing: ["ns,secrets", "svc, vs", "Namespace", "httproutes.gateway.networking.k8s.io"])
        #expect(selection.kinds.map(\.qualifiedResource) == ["namespaces", "secrets", "services", "virtualservices.networking.istio.io",
                                                            "httproutes.gateway.networking.k8s.io"])
        #expect(selection.names.isEmpty && selection.aliases.isEmpty)
    }

    @Test func aliasesAddEveryKnownKindOfTheirGroups() throws {
        let selection = try KindSelection(parsing: ["gateway-api,all-istio,gtw"])
        #expect(selection.aliases == [.gatewayAPI, .allIstio])
        #expect(selection.kinds.count == GatewayAPIKinds.all.count + IstioKinds.all.count)
        #expect(selection.includes(group: "gateway.networking.k8s.io", kind: "XListenerSet"), "any kind of the group, known or not")
        #expect(selection.includes(group: "extensions.istio.io", kind: "Anything"))
        #expect(!selection.includes(group: "", kind: "Secret"))
    }

    @Test func otherNamesWaitForTheSource() throws {
        let selection = try KindSelection(parsing: ["vs,certificates,Widget.example.com,cert"])
        #expect(selection.kinds.map(\.kind) == ["VirtualService"])
        #expect(selection.names == ["certificates", "Widget.example.com", "cert"])
        #expect(selection.adding([Kind(group: "cert-manager.io", kind: "Certificate", resource: "certificates", versions: ["v1"], isDefault: false)])
            .includes(group: "cert-manager.io", kind: "Certificate"))
    }

    /// Without discovery, a name matches a kind by kind or guessed plural, with or without the group.
    @Test(arguments: [
        ("widgets", true), ("widget", true), ("Widget", true), ("WIDGETS", true), ("widgets.example.com", true),
        ("widgets.v1alpha1.example.com", true), ("Widget.example.com", true), ("widgets.example.org", false), ("wdg", false),
        ("policies.example.com", false),
    ])
    func namesMatchKindsFoundInFiles(_ name: String, _ matches: Bool) {
        #expect(KindSelection.name(name, matches: "example.com", "Widget") == matches)
    }

    @Test func policiesArePluralisedAsKubectlGuesses() {
        #expect(KindSelection.name("networkpolicies.example.com", matches: "example.com", "NetworkPolicy"))
        #expect(KindSelection.name("gresses", matches: "", "Gress"))
    }

    @Test(arguments: ["vs/x", "a b", "-x", "1abc", "kind:vs", "ünïcode"])
    func malformedNamesAreRefusedAtOnce(_ name: String) {
        #expect(throws: KindSelectionError(name: name, reason: "not a resource, kind or short name")) { try KindSelection(parsing: [name]) }
    }

    @Test func errorMessages() {
        #expect(KindSelectionError(name: nil).description == "--kinds names no kind")
        #expect(KindSelectionError(name: "certs", reason: "prod serves no kind of that name", suggestions: ["cert", "certificates"]).description
                == "unknown kind \"certs\" in --kinds: prod serves no kind of that name; did you mean cert, certificates?")
    }
}
