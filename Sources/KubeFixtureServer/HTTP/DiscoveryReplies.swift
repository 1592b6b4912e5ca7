import MeshDumpCore

/// The discovery documents: `/version`, `/api`, `/apis`, `/apis/GROUP` and the resource lists.
struct DiscoveryReplies {
    let cluster: FixtureCluster
    let serverAddress: String

    /// The groups in the order of their first type, with versions in first-seen order.
    var groups: [(name: String, versions: [String], preferred: String)] {
        var order: [String] = []
        var versions: [String: [String]] = [:]
        for type in cluster.types where !type.group.isEmpty {
            if versions[type.group] == nil { order.append(type.group) }
            for v in type.versions where !(versions[type.group]?.contains(v) ?? false) { versions[type.group, default: []].append(v) }
        }
        return order.map { ($0, versions[$0]!, cluster.preferredVersions[$0] ?? versions[$0]![0]) }
    }

    static let version: Value = [
        "major": "1", "minor": "32", "gitVersion": "v1.32.4", "gitCommit": "59526cd4867447956156ae3a602fcbac10a2c335",
        "gitTreeState": "clean", "buildDate": "2025-04-22T16:00:00Z", "goVersion": "go1.23.6", "compiler": "gc",
        "platform": "linux/amd64",
    ]

    var coreVersions: Value {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
    }

    var groupList: Value {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .sequence(groups.map(Self.group))]
    }

    func group(named name: String) -> Value? {
        guard let g = groups.first(where: { $0.name == name }) else { return nil }
        var value = Self.group(g)
        value["kind"] = "APIGroup"
        value["apiVersion"] = "v1"
        return value
    }

    private static func group(_ g: (name: String, versions: [String], preferred: String)) -> Value {
        func version(_ v: String) -> Value { ["groupVersion": .string("\(g.name)/\(v)"), "version": .string(v)] }
        return ["name": .string(g.name), "versions": .sequence(g.versions.map(version)), "preferredVersion": version(g.preferred)]
    }

    func resourceList(group: String, version: String) -> Value {
        var resources: [Value] = []
        for type in cluster.types where type.group == group && type.versions.contains(version) {
            var resource: Value = [
                "name": .string(type.resource), "singularName": .string(type.singular), "namespaced": .bool(type.namespaced),
                "kind": .string(type.kind),
                "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
                "storageVersionHash": .string(String(ServerFields.uid(type.qualifiedResource).prefix(11))),
            ]
            if !type.shortNames.isEmpty { resource["shortNames"] = .sequence(type.shortNames.map(Value.string)) }
            if !type.categories.isEmpty { resource["categories"] = .sequence(type.categories.map(Value.string)) }
            resources.append(resource)
            resources.append(["name": .string("\(type.resource)/status"), "singularName": "", "namespaced": .bool(type.namespaced),
                              "kind": .string(type.kind), "verbs": ["get", "patch", "update"]])
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
                "resources": .sequence(resources)]
    }
}
