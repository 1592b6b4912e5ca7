import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// `testdata/rewrite/mesh`: a small but complete mesh (Namespaces, ServiceAccounts, Services and
/// every Istio kind referring to them) is rewritten with a namespace move and a trust domain
/// change; then, applied back conceptually, every reference in the output must resolve to an
/// object in the output, as every reference in the input resolves in the input.
struct WholeMeshTests {
    static let directory = TestPaths.root + "/testdata/rewrite/mesh"

    @Test func everyReferenceResolvesBeforeAndAfter() throws {
        let input = try FileSource(paths: [Self.directory + "/input"]).objects()
        var inputMesh = ResolvableMesh(input, trustDomain: "cluster.local")
        #expect(inputMesh.unresolved() == [])

        let rules = try RuleSet.load(paths: [Self.directory + "/rules.yaml"])
        let diagnostics = DiagnosticCollector()
        let stage = RuleStage(rules: rules, diagnostics: diagnostics)
        let output = input.compactMap { stage.apply($0) }
        #expect(diagnostics.diagnostics == [])
        #expect(output.count == input.count)
        #expect(output.filter { $0.namespace == "payments" }.count == input.filter { $0.namespace == "team-000" }.count)

        var outputMesh = ResolvableMesh(output, trustDomain: "mesh.example.com")
        #expect(outputMesh.unresolved() == [])
        // Every form of reference is exercised, so "resolves" is not vacuous.
        let forms = Set(output.flatMap { References.all(in: $0).map(\.form) })
        #expect(forms == [.host, .namespacedHost, .gateway, .namespace, .namespaceList, .principal, .serviceAccount,
                          .trustDomain, .subjectAltName, .envoyCluster, .url])
        #expect(outputMesh.checked > 60)
    }

    /// Independent of the reference table: no string anywhere in the output still names the old
    /// namespace (as a DNS label) or an identity in the old trust domain.
    @Test func nothingNamesTheOldNamespaceOrTrustDomain() throws {
        let rules = try RuleSet.load(paths: [Self.directory + "/rules.yaml"])
        let stage = RuleStage(rules: rules, diagnostics: DiagnosticCollector())
        let output = try FileSource(paths: [Self.directory + "/input"]).objects().compactMap { stage.apply($0) }
        var leftovers: [String] = []
        for object in output {
            Self.strings(object.value) { s in
                let labels = s.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
                if labels.contains("team-000") || s.contains("cluster.local/ns/") { leftovers.append("\(object.id): \(s)") }
            }
        }
        #expect(leftovers == [])
    }

    static func strings(_ value: Value, _ body: (String) -> Void) {
        switch value {
        case .string(let s): body(s)
        case .sequence(let items): items.forEach { strings($0, body) }
        case .mapping(let m): for (k, v) in m { body(k); strings(v, body) }
        default: break
        }
    }
}

/// The objects of a mesh and what each kind of reference must find among them.
struct ResolvableMesh {
    let objects: [Object]
    let trustDomain: String
    let ids: Set<ObjectID>
    let namespaces: Set<String>
    /// Hosts something defines: Services as `name.ns.svc.cluster.local`, ServiceEntry,
    /// VirtualService and Gateway hosts.
    let hosts: Set<String>
    private(set) var checked = 0

    init(_ objects: [Object], trustDomain: String) {
        self.objects = objects
        self.trustDomain = trustDomain
        ids = Set(objects.map(\.id))
        namespaces = Set(objects.filter { $0.kind == "Namespace" }.map(\.name))
        var hosts: Set<String> = []
        for object in objects {
            switch object.kind {
            case "Service": hosts.insert("\(object.name).\(object.namespace).svc.cluster.local")
            case "ServiceEntry", "VirtualService":
                for h in object.value[path: ["spec", "hosts"]]?.sequenceValue ?? [] { h.stringValue.map { _ = hosts.insert($0) } }
            default: break
            }
        }
        self.hosts = hosts
    }

    /// The references that find nothing, as `Kind ns/name: path = value`.
    mutating func unresolved() -> [String] {
        var missing: [String] = []
        for object in objects {
            for reference in References.all(in: object) {
                checked += 1
                if !resolves(reference, in: object.namespace) { missing.append("\(object.id): \(reference.path) = \(reference.value)") }
            }
            // Delegates and target references name objects, not just namespaces.
            for (i, route) in (object.value[path: ["spec", "http"]]?.sequenceValue ?? []).enumerated() {
                guard let delegate = route["delegate"], let name = delegate["name"]?.stringValue else { continue }
                let ns = delegate["namespace"]?.stringValue ?? object.namespace
                if !ids.contains(ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: ns, name: name)) {
                    missing.append("\(object.id): spec.http[\(i)].delegate = \(ns)/\(name)")
                }
            }
            let refs = (object.value[path: ["spec", "targetRefs"]]?.sequenceValue ?? []) + [object.value[path: ["spec", "targetRef"]]].compactMap { $0 }
            for ref in refs {
                guard let kind = ref["kind"]?.stringValue, let name = ref["name"]?.stringValue else { continue }
                let ns = ref["namespace"]?.stringValue ?? object.namespace
                if !ids.contains(ObjectID(group: ref["group"]?.stringValue ?? "", kind: kind, namespace: ns, name: name)) {
                    missing.append("\(object.id): targetRef = \(kind) \(ns)/\(name)")
                }
            }
        }
        return missing
    }

    func resolves(_ reference: Reference, in ns: String) -> Bool {
        let s = reference.value
        switch reference.form {
        case .host: return host(s, in: ns)
        case .namespacedHost:
            guard let slash = s.firstIndex(of: "/") else { return host(s, in: ns) }
            var namespace = String(s[..<slash])
            let hostPart = String(s[s.index(after: slash)...])
            if namespace.hasPrefix("~") && namespace.count > 1 { namespace.removeFirst() }
            let namespaceOK = [".", "*", "~"].contains(namespace) || namespaces.contains(namespace)
            return namespaceOK && (hostPart == "*" || host(hostPart, in: namespace == "." ? ns : namespace))
        case .gateway:
            if s == "mesh" { return true }
            let parts = s.split(separator: "/").map(String.init)
            let (gns, name) = parts.count == 2 ? (parts[0], parts[1]) : (ns, s)
            return ids.contains(ObjectID(group: "networking.istio.io", kind: "Gateway", namespace: gns, name: name))
        case .namespace: return [".", "*", "~"].contains(s) || namespaces.contains(s)
        case .namespaceList: return s.split(separator: ",").allSatisfy { namespaces.contains($0.trimmingCharacters(in: .whitespaces)) }
        case .principal: return principal(s)
        case .serviceAccount:
            let parts = s.split(separator: "/").map(String.init)
            let (sns, name) = parts.count == 2 ? (parts[0], parts[1]) : (ns, s)
            return ids.contains(ObjectID(group: "", kind: "ServiceAccount", namespace: sns, name: name))
        case .trustDomain: return s == trustDomain
        case .subjectAltName: return s.hasPrefix("spiffe://") ? principal(String(s.dropFirst(9))) : host(s, in: ns)
        case .envoyCluster:
            let parts = s.split(separator: "|", omittingEmptySubsequences: false)
            return parts.count == 4 && host(String(parts[3]), in: ns)
        case .url:
            let rest = s.split(separator: "/", omittingEmptySubsequences: false)
            return rest.count > 2 && host(String(rest[2]), in: ns)
        case .regex: return true  // a pattern names nothing to resolve
        }
    }

    /// A host (port dropped): a short name is a Service in `ns`; anything else must be defined.
    func host(_ s: String, in ns: String) -> Bool {
        let name = s.split(separator: ":").first.map(String.init) ?? s
        if !name.contains(".") { return hosts.contains("\(name).\(ns).svc.cluster.local") }
        return hosts.contains(name) || objects.contains { o in
            o.kind == "Gateway" && (o.value[path: ["spec", "servers"]]?.sequenceValue ?? []).contains { server in
                (server["hosts"]?.sequenceValue ?? []).contains { $0.stringValue?.hasSuffix("/" + name) == true }
            }
        }
    }

    /// `<trustDomain>/ns/<ns>/sa/<account>`: this mesh's trust domain, an existing account.
    func principal(_ s: String) -> Bool {
        let parts = s.split(separator: "/").map(String.init)
        guard parts.count == 5, parts[0] == trustDomain, parts[1] == "ns", parts[3] == "sa" else { return false }
        return ids.contains(ObjectID(group: "", kind: "ServiceAccount", namespace: parts[2], name: parts[4]))
    }
}
