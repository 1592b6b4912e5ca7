import MeshDumpCore

/// The Secrets the mesh's `credentialName`s (and `credentialNames`) need, where Istio looks for
/// them: a Gateway's in the namespace of its workload (the Pods, or Deployments' Pod templates,
/// its selector picks; the Gateway's own namespace when none is in the sources), a
/// DestinationRule's in its own namespace; `kubernetes://ns/name` and
/// `kubernetes-gateway://ns/name` name the namespace themselves. `builtin://`, `configmap://`
/// and other schemes need no Secret.
public enum CredentialSecrets {
    /// One credential reference.
    public struct Need: Sendable, Hashable {
        /// The Secret: `namespace/name`.
        public var namespace: String
        public var name: String
        /// The object naming it, and where.
        public var object: ObjectID
        public var field: FieldPath

        public var secret: String { namespace + "/" + name }
    }

    /// Every credential reference of the snapshot's Gateways and DestinationRules.
    public static func needs(in snapshot: MeshSnapshot) -> [(Need, SnapshotObject)] {
        var needs: [(Need, SnapshotObject)] = []
        var namespacesBySelector: [String: [String]] = [:]
        for gateway in snapshot.objects(.gateway) {
            var credentials: [(String, FieldPath)] = []
            for (i, server) in (gateway.spec["servers"]?.sequenceValue ?? []).enumerated() {
                guard let tls = server["tls"] else { continue }
                credentials += Self.credentials(tls, at: FieldPath("spec", "servers").index(i).key("tls"))
            }
            guard !credentials.isEmpty else { continue }
            let namespaces = workloadNamespaces(of: gateway, in: snapshot, cache: &namespacesBySelector)
            for (credential, field) in credentials {
                for namespace in namespaces {
                    guard let (ns, name) = secret(credential, namespace: namespace) else { continue }
                    needs.append((Need(namespace: ns, name: name, object: gateway.id, field: field), gateway))
                }
            }
        }
        for rule in snapshot.objects(.destinationRule) {
            for (tlsValue, tls) in destinationRuleTLS(rule.spec) {
                for (credential, field) in credentials(tlsValue, at: tls) {
                    guard let (ns, name) = secret(credential, namespace: rule.namespace) else { continue }
                    needs.append((Need(namespace: ns, name: name, object: rule.id, field: field), rule))
                }
            }
        }
        return needs
    }

    /// `namespace/name` of each needed Secret the snapshot does not hold, sorted, once each.
    public static func missing(in snapshot: MeshSnapshot) -> [String] {
        Array(Set(needs(in: snapshot).filter { snapshot.object(.secret, namespace: $0.0.namespace, name: $0.0.name) == nil }
            .map(\.0.secret))).sorted()
    }

    /// The namespaces of the workloads a Gateway selects, else the Gateway's own.
    static func workloadNamespaces(of gateway: SnapshotObject, in snapshot: MeshSnapshot, cache: inout [String: [String]]) -> [String] {
        let selector = LabelSet(gateway.spec["selector"])
        if !selector.isEmpty, let known = cache[selector.text] { return known.isEmpty ? [gateway.namespace] : known }
        var found: Set<String> = []
        if !selector.isEmpty {
            for pod in snapshot.objects(.pod) where selector.matches(pod) { found.insert(pod.namespace) }
            for deployment in snapshot.objects(.deployment) {
                let labels = deployment.value[path: ["spec", "template", "metadata", "labels"]]
                if selector.matches({ labels?[$0]?.scalarText }) { found.insert(deployment.namespace) }
            }
        }
        if !selector.isEmpty { cache[selector.text] = found.sorted() }
        return found.isEmpty ? [gateway.namespace] : found.sorted()
    }

    /// The `tls` settings of a DestinationRule that exist: its traffic policy's and its
    /// subsets', each with their port-level ones.
    private static func destinationRuleTLS(_ spec: Value) -> [(Value, FieldPath)] {
        var out: [(Value, FieldPath)] = []
        func add(_ policy: Value?, _ path: @autoclosure () -> FieldPath) {
            guard case .mapping(let m)? = policy else { return }
            if let tls = m["tls"] { out.append((tls, path().key("tls"))) }
            for (i, port) in (m["portLevelSettings"]?.sequenceValue ?? []).enumerated() {
                if let tls = port["tls"] { out.append((tls, path().key("portLevelSettings").index(i).key("tls"))) }
            }
        }
        add(spec["trafficPolicy"], FieldPath("spec", "trafficPolicy"))
        for (i, subset) in (spec["subsets"]?.sequenceValue ?? []).enumerated() {
            add(subset["trafficPolicy"], FieldPath("spec", "subsets").index(i).key("trafficPolicy"))
        }
        return out
    }

    /// `credentialName` and each of `credentialNames`, with their paths.
    private static func credentials(_ tls: Value, at path: @autoclosure () -> FieldPath) -> [(String, FieldPath)] {
        var out: [(String, FieldPath)] = []
        if let name = tls["credentialName"]?.scalarText, !name.isEmpty { out.append((name, path().key("credentialName"))) }
        for (i, entry) in (tls["credentialNames"]?.sequenceValue ?? []).enumerated() {
            if let name = entry.scalarText, !name.isEmpty { out.append((name, path().key("credentialNames").index(i))) }
        }
        return out
    }

    /// The Secret a credential name means for a proxy in `namespace`, or nil when it is no Secret.
    static func secret(_ credential: String, namespace: String) -> (namespace: String, name: String)? {
        var rest = Substring(credential)
        if rest.hasPrefix("kubernetes://") {
            rest = rest.dropFirst("kubernetes://".count)
        } else if rest.hasPrefix("kubernetes-gateway://") {
            rest = rest.dropFirst("kubernetes-gateway://".count)
            guard rest.contains("/") else { return nil }
        } else if rest.contains("://") {
            return nil
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 1 { return parts[0].isEmpty || parts[1].isEmpty ? nil : (String(parts[0]), String(parts[1])) }
        return rest.isEmpty ? nil : (namespace, String(rest))
    }
}
