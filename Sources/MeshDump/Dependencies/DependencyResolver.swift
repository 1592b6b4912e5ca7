import MeshDumpCore

/// An object an export pulls in beside the kinds asked for, and why.
public struct PulledObject: Sendable {
    public var object: Object
    /// `for Gateway istio-ingress/public-gw`, `for the objects in it`.
    public var reason: String
}

/// Looks up, in one source, what its exported objects need (`DependencyCollector.Needs`):
/// first the gateway workloads' Pods (where a Gateway's Secrets live), then every Secret and
/// Namespace at once. A Secret that is named but missing is a warning naming the objects that
/// name it; so is a Gateway whose selector selects no Pod, and a namespace with no Namespace
/// object. Namespaces come first in the result, sorted, then Secrets, sorted.
struct DependencyResolver {
    let options: DependencyOptions
    let lookup: any ObjectLookup
    /// The source as the user named it, for warnings.
    let source: String
    let diagnostics: any DiagnosticSink

    func resolve(_ needs: DependencyCollector.Needs) async throws -> [PulledObject] {
        let wanted = try await secretsWanted(needs.secrets)
        let secretIDs = wanted.keys.sorted()
        let namespaceIDs = options.namespaces
            ? needs.namespaces.union(secretIDs.map(\.namespace)).sorted().map(Self.namespaceID) : []
        var found: [ObjectID: Object] = [:]
        for object in try await lookup.objects(identifiedBy: secretIDs + namespaceIDs) { found[object.id] = object }

        var secrets: [PulledObject] = []
        for id in secretIDs {
            let want = wanted[id]!
            guard let secret = found[id] else {
                if !want.optional { warnMissing(id, named: want.referrers) }
                continue
            }
            guard !needs.exported.contains(id) else { continue }
            let companion = want.optional ? " (the CA certificate Istio reads beside \(id.name.dropLast(Self.caSuffix.count)))" : ""
            secrets.append(PulledObject(object: secret, reason: "for " + Self.list(want.referrers.map(\.referrerDescription)) + companion))
        }
        guard options.namespaces else { return secrets }
        var namespaces: [PulledObject] = []
        for namespace in needs.namespaces.union(secrets.map(\.object.namespace)).sorted() {
            let id = Self.namespaceID(namespace)
            guard let object = found[id] else {
                diagnostics.report(Diagnostic(.warning, "\(source) has no Namespace \(namespace), so --with-namespaces cannot export it"))
                continue
            }
            if !needs.exported.contains(id) { namespaces.append(PulledObject(object: object, reason: "for the objects in it")) }
        }
        return namespaces + secrets
    }

    /// The Secrets wanted, each with the references that name it; a `-cacert` companion is
    /// optional (pulled in when it exists, silently skipped when not).
    private func secretsWanted(_ references: [SecretReference]) async throws -> [ObjectID: (referrers: [SecretReference], optional: Bool)] {
        let workloads = try await workloadNamespaces(references)
        var wanted: [ObjectID: (referrers: [SecretReference], optional: Bool)] = [:]
        func want(_ id: ObjectID, _ reference: SecretReference, optional: Bool) {
            var entry = wanted[id] ?? ([], true)
            if !entry.referrers.contains(where: { $0.referrer == reference.referrer }) { entry.referrers.append(reference) }
            entry.optional = entry.optional && optional
            wanted[id] = entry
        }
        for reference in references {
            let namespaces: [String]
            switch reference.place {
            case .namespace(let namespace): namespaces = [namespace]
            case .workload(let selector): namespaces = workloads[selector] ?? []
            }
            for namespace in namespaces {
                want(Self.secretID(namespace, reference.name), reference, optional: false)
                if reference.isIstioCredential { want(Self.secretID(namespace, reference.name + Self.caSuffix), reference, optional: true) }
            }
        }
        return wanted
    }

    /// For each gateway selector, the namespaces of the Pods it selects; Gateways whose
    /// selector is empty or selects nothing are warned about.
    private func workloadNamespaces(_ references: [SecretReference]) async throws -> [String: [String]] {
        var selectors: [String] = []
        for case .workload(let selector) in references.map(\.place) where !selectors.contains(selector) { selectors.append(selector) }
        let usable = selectors.filter { !$0.isEmpty }.sorted()
        let pods = usable.isEmpty ? [] : try await lookup.objects(of: KubernetesKinds.pod, matching: try usable.map { try LabelSelector(parsing: $0) })
        var namespaces: [String: [String]] = [:]
        for (selector, selected) in zip(usable, pods) { namespaces[selector] = Set(selected.map(\.namespace)).sorted() }
        var warned = Set<ObjectID>()
        for reference in references {
            guard case .workload(let selector) = reference.place, namespaces[selector]?.isEmpty ?? true,
                  warned.insert(reference.referrer).inserted else { continue }
            let why = selector.isEmpty ? "has no selector, so no one gateway workload says where its Secrets live"
                : "selects no Pod in \(source) (selector \(selector)), so the namespace of its gateway workload, where its Secrets live, is unknown"
            diagnostics.report(Diagnostic(.warning, "\(reference.referrerDescription) \(why); --with-secrets skipped "
                                          + Self.list(references.filter { $0.referrer == reference.referrer }.map(\.name)),
                                          origin: reference.referrerOrigin))
        }
        return namespaces
    }

    private func warnMissing(_ id: ObjectID, named references: [SecretReference]) {
        for reference in references {
            diagnostics.report(Diagnostic(.warning, "\(reference.referrerDescription) names Secret \(id.namespace)/\(id.name), which \(source) does not have",
                                          origin: reference.referrerOrigin))
        }
    }

    /// What Istio appends to a `credentialName` to find its CA certificate.
    static let caSuffix = "-cacert"

    static func secretID(_ namespace: String, _ name: String) -> ObjectID {
        ObjectID(group: "", kind: "Secret", namespace: namespace, name: name)
    }

    static func namespaceID(_ name: String) -> ObjectID {
        ObjectID(group: "", kind: "Namespace", namespace: "", name: name)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
