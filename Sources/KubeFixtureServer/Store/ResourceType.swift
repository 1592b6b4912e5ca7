import MeshDumpCore

/// A resource the fixture server serves: its group, kind, plural name, scope and the versions
/// it is served at (the group's preferred version first).
public struct ResourceType: Sendable, Hashable {
    public var group: String
    public var kind: String
    public var resource: String
    public var singular: String
    public var shortNames: [String]
    public var namespaced: Bool
    /// Versions this resource is served at, newest or preferred first.
    public var versions: [String]
    public var categories: [String]
    /// The top-level fields its schema declares, for strict field validation; nil: not known.
    public var topLevelFields: Set<String>?

    public init(group: String, kind: String, resource: String, shortNames: [String] = [], namespaced: Bool,
                versions: [String], categories: [String] = [], topLevelFields: Set<String>? = nil) {
        self.group = group
        self.kind = kind
        self.resource = resource
        self.singular = kind.lowercased()
        self.shortNames = shortNames
        self.namespaced = namespaced
        self.versions = versions
        self.categories = categories
        self.topLevelFields = topLevelFields
    }

    /// The Istio kinds as Istio's CRDs declare them.
    public init(_ kind: Kind) {
        self.init(group: kind.group, kind: kind.kind, resource: kind.resource, shortNames: kind.shortNames,
                  namespaced: kind.namespaced, versions: kind.versions,
                  categories: kind.group.hasSuffix("istio.io") ? ["istio-io", kind.group.split(separator: ".").first.map { "\($0)-istio-io" } ?? ""] : [],
                  topLevelFields: Self.specAndStatus)
    }

    static let specAndStatus: Set<String> = ["apiVersion", "kind", "metadata", "spec", "status"]

    public static let namespace = ResourceType(group: "", kind: "Namespace", resource: "namespaces", shortNames: ["ns"],
                                               namespaced: false, versions: ["v1"], topLevelFields: specAndStatus)

    /// Secrets: the default ApplySet parent.
    public static let secret = ResourceType(group: "", kind: "Secret", resource: "secrets", namespaced: true, versions: ["v1"],
                                            topLevelFields: ["apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"])

    public static let configMap = ResourceType(group: "", kind: "ConfigMap", resource: "configmaps", shortNames: ["cm"], namespaced: true,
                                               versions: ["v1"], topLevelFields: ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"])

    /// A type for a kind met only in fixtures: plural made as Kubernetes' CRD tooling makes it.
    static func guessed(group: String, version: String, kind: String, namespaced: Bool) -> ResourceType {
        let lower = kind.lowercased()
        let plural: String
        if lower.hasSuffix("y"), let last = lower.dropLast().last, !"aeiou".contains(last) {
            plural = lower.dropLast() + "ies"
        } else if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            plural = lower + "es"
        } else {
            plural = lower + "s"
        }
        return ResourceType(group: group, kind: kind, resource: plural, namespaced: namespaced, versions: [version])
    }

    /// Whether objects carry `metadata.generation` (moved by spec changes): kinds with a spec,
    /// except namespaces, as on a real server.
    var tracksGeneration: Bool { self != .namespace && (topLevelFields?.contains("spec") ?? true) }

    /// `group/Kind`: what stays the same when the served versions change.
    var id: String { "\(group)/\(kind)" }

    func apiVersion(_ version: String) -> String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `virtualservices.networking.istio.io`, as the server names resources in messages.
    var qualifiedResource: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
