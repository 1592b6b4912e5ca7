import MeshDumpCore

/// Resolves the names of `--kinds` against the resource lists discovery read, as
/// `kubectl get NAME` does: a short name first (kubectl's shortcut expander), then a resource
/// name, singular or kind, in any case; `resource.group` and `resource.version.group` look in
/// that group only. Groups are searched in discovery's order (the core group first, then as
/// `/apis` lists them), each at its versions by preference, and the first match wins.
struct KindNameResolver {
    let groups: [APIGroupInfo]
    let lists: [String: Result<[APIResourceInfo], KubeError>]

    /// The kind `name` names, as the server describes it, or nil when no served kind answers to it.
    func resolve(_ name: String) -> Kind? {
        let lower = name.lowercased()
        for matchesShortNames in [true, false] {
            for (group, version, resource) in resources {
                guard let bare = Self.unqualified(lower, group: group, version: version),
                      matchesShortNames ? resource.shortNames.contains(bare)
                                        : bare == resource.name || bare == resource.kind.lowercased()
                else { continue }
                let base = KnownKinds.kind(group: group.name, kind: resource.kind)
                    ?? Kind(group: group.name, kind: resource.kind, resource: resource.name, shortNames: resource.shortNames,
                            versions: group.versionsByPreference, isDefault: false)
                return DiscoveryRun.kind(base, from: resource)
            }
        }
        return nil
    }

    /// Close matches among every name the server's kinds answer to (qualified by their group
    /// when the name is).
    func suggestions(for name: String) -> [String] {
        var candidates: [String] = []
        for (group, _, resource) in resources {
            if name.contains("."), !group.name.isEmpty {
                candidates.append("\(resource.name).\(group.name)")
            } else {
                candidates += [resource.name, resource.kind.lowercased()] + resource.shortNames
            }
        }
        return Suggestion.close(to: name, in: candidates)
    }

    /// The name without a group qualifier that names this group (and version), or nil when the
    /// name is qualified by another group.
    private static func unqualified(_ name: String, group: APIGroupInfo, version: String) -> String? {
        guard name.contains(".") else { return name }
        guard !group.name.isEmpty, name.hasSuffix("." + group.name) else { return nil }
        let bare = name.dropLast(group.name.count + 1)
        if bare.hasSuffix("." + version) { return String(bare.dropLast(version.count + 1)) }
        return bare.contains(".") ? nil : String(bare)
    }

    /// Every listable top-level resource, in search order.
    private var resources: [(APIGroupInfo, String, APIResourceInfo)] {
        var all: [(APIGroupInfo, String, APIResourceInfo)] = []
        for group in groups {
            for version in group.versionsByPreference {
                guard case .success(let list)? = lists["\(group.name)/\(version)"] else { continue }
                all += list.filter { $0.verbs?.contains("list") ?? true }.map { (group, version, $0) }
            }
        }
        return all
    }
}

/// What discovery made of a `--kinds` selection: the kinds served (those asked for and those
/// the names resolve to), which kind each name resolved to, and the names nothing answers to.
public struct KindResolution: Sendable {
    public var discovery = Discovery()
    /// Each resolved name and the kind it names.
    public var resolved: [(name: String, kind: Kind)] = []
    /// Names no served kind answers to, each with close matches among the served names.
    public var unknown: [(name: String, suggestions: [String])] = []
}
