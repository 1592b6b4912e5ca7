import MeshDumpCore

/// The kinds some CustomResourceDefinitions define, with each version's schema: what a target
/// cluster with those CRDs accepts. Built from `apiextensions.k8s.io/v1` CRD objects, whether
/// they came from `--crds FILE` or from the sources.
struct CRDCatalog: Sendable {
    /// One version of a kind.
    struct Version: Sendable {
        var served: Bool
        /// Nil when the CRD gives this version no schema (anything goes).
        var schema: SchemaNode?
    }

    /// One kind: its CRD's name and versions.
    struct Definition: Sendable {
        var crdName: String
        var versions: [String: Version]
        /// Version names in the CRD's order, for messages.
        var versionNames: [String]
    }

    private struct Key: Hashable {
        var group: String
        var kind: String
    }

    private var definitions: [Key: Definition] = [:]

    init() {}

    /// The catalog of the CRD objects among `objects` (others are ignored).
    init(_ objects: some Sequence<Object>) {
        for object in objects { add(object) }
    }

    var isEmpty: Bool { definitions.isEmpty }

    /// Adds a CRD; a later CRD for the same group and kind replaces an earlier one.
    mutating func add(_ object: Object) {
        guard Self.isCRD(object), let spec = object.value["spec"],
              let group = spec["group"]?.stringValue, let kind = spec[path: ["names", "kind"]]?.stringValue
        else { return }
        var definition = Definition(crdName: object.name, versions: [:], versionNames: [])
        for version in spec["versions"]?.sequenceValue ?? [] {
            guard let name = version["name"]?.stringValue else { continue }
            let schema = version[path: ["schema", "openAPIV3Schema"]].map(SchemaNode.init)
            definition.versions[name] = Version(served: version["served"] != .bool(false), schema: schema)
            definition.versionNames.append(name)
        }
        definitions[Key(group: group, kind: kind)] = definition
    }

    /// The kinds the catalog defines, as (group, kind), sorted.
    var kinds: [(group: String, kind: String)] {
        definitions.keys.map { ($0.group, $0.kind) }.sorted { ($0.group, $0.kind) < ($1.group, $1.kind) }
    }

    /// The definition of a kind, when a CRD defines it.
    func definition(group: String, kind: String) -> Definition? {
        definitions[Key(group: group, kind: kind)]
    }

    static func isCRD(_ object: Object) -> Bool {
        GroupKind(of: object) == .customResourceDefinition
    }
}

extension GroupKind {
    /// `apiextensions.k8s.io` CustomResourceDefinition.
    static let customResourceDefinition = GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition")
}
