import MeshDumpCore

/// Asks the server which of the wanted kinds it serves and at which version.
struct DiscoveryRun {
    let transport: Transport

    func run(_ kinds: [Kind], allIstio: Bool) async throws(KubeError) -> Discovery {
        try await run(kinds, names: [], aliases: allIstio ? [.allIstio] : []).discovery
    }

    /// Discovery of the kinds asked for, of the kinds `names` resolve to (as `kubectl get NAME`
    /// resolves them, see `KindNameResolver`) and of every kind in the aliases' groups. Only
    /// the groups that matter are read: those of the kinds, the aliases, and (for names) every
    /// group, or the group a qualified name names.
    func run(_ asked: [Kind], names: [String], aliases: [KindGroupAlias]) async throws(KubeError) -> KindResolution {
        var groups = try DiscoveryDocuments.groups(try await transport.getOK("/apis"))
        let unqualifiedNames = names.contains { !$0.contains(".") }
        if asked.contains(where: { $0.group.isEmpty }) || unqualifiedNames,
           let core = try DiscoveryDocuments.coreGroup(try await transport.getOK("/api")) {
            groups.insert(core, at: 0)
        }
        let askedGroups = Set(asked.map(\.group))
        let relevant = groups.filter { group in
            askedGroups.contains(group.name) || aliases.contains { $0.contains(group: group.name) } || unqualifiedNames
                || names.contains { !group.name.isEmpty && $0.lowercased().hasSuffix("." + group.name) }
        }
        let lists = await resourceLists(relevant)
        let resolver = KindNameResolver(groups: relevant, lists: lists)
        var resolution = KindResolution()
        var kinds = asked
        for name in names {
            guard let kind = resolver.resolve(name) else {
                resolution.unknown.append((name, resolver.suggestions(for: name)))
                continue
            }
            if let same = kinds.first(where: { $0.group == kind.group && $0.kind == kind.kind }) {
                resolution.resolved.append((name, same))
            } else {
                resolution.resolved.append((name, kind))
                kinds.append(kind)
            }
        }
        resolution.discovery = discover(kinds, in: groups, lists: lists)
        for alias in aliases { resolution.discovery.served += extraKinds(of: alias, relevant, lists: lists, asked: kinds + resolution.discovery.served.map(\.kind)) }
        return resolution
    }

    private func discover(_ kinds: [Kind], in groups: [APIGroupInfo], lists: [String: Result<[APIResourceInfo], KubeError>]) -> Discovery {
        var discovery = Discovery()
        for kind in kinds {
            guard let group = groups.first(where: { $0.name == kind.group }) else {
                discovery.skipped.append(SkippedKind(kind: kind, reason: "the server does not serve API group \(kind.group.isEmpty ? "core" : kind.group)"))
                continue
            }
            switch choose(kind, in: group, lists: lists) {
            case .served(let served): discovery.served.append(served)
            case .skipped(let reason): discovery.skipped.append(SkippedKind(kind: kind, reason: reason))
            case .failed(let error): discovery.failed.append((kind, error))
            }
        }
        return discovery
    }

    private enum Choice { case served(ServedKind), skipped(String), failed(KubeError) }

    /// The preferred version when it serves the kind, else the newest that does; with every
    /// other version that serves it too.
    private func choose(_ kind: Kind, in group: APIGroupInfo, lists: [String: Result<[APIResourceInfo], KubeError>]) -> Choice {
        var chosen: ServedKind?
        for version in group.versionsByPreference {
            switch lists["\(group.name)/\(version)"] {
            case .failure(let error)?: if chosen == nil { return .failed(error) }
            case .success(let resources)?:
                guard let resource = resources.first(where: { $0.name == kind.resource }) ?? resources.first(where: { $0.kind == kind.kind }) else { continue }
                if chosen != nil {
                    chosen!.versions.append(version)
                    continue
                }
                if let verbs = resource.verbs, !verbs.contains("list") {
                    return .skipped("served at \(version) but cannot be listed")
                }
                chosen = ServedKind(kind: Self.kind(kind, from: resource), version: version)
            case nil: continue
            }
        }
        if let chosen { return .served(chosen) }
        return .skipped("not served (API group \(group.name) serves \(group.versions.joined(separator: ", ")) without it)")
    }

    /// The listable kinds of an alias's groups that were not asked for, sorted by group and resource.
    private func extraKinds(of alias: KindGroupAlias, _ groups: [APIGroupInfo], lists: [String: Result<[APIResourceInfo], KubeError>],
                            asked: [Kind]) -> [ServedKind] {
        var found: [String: ServedKind] = [:]
        for group in groups where alias.contains(group: group.name) {
            for version in group.versionsByPreference {
                guard case .success(let resources)? = lists["\(group.name)/\(version)"] else { continue }
                for resource in resources where resource.verbs?.contains("list") ?? true {
                    let key = "\(resource.name).\(group.name)"
                    guard found[key] == nil, !asked.contains(where: { $0.group == group.name && ($0.resource == resource.name || $0.kind == resource.kind) }) else { continue }
                    let base = KnownKinds.kind(group: group.name, kind: resource.kind)
                        ?? Kind(group: group.name, kind: resource.kind, resource: resource.name, shortNames: resource.shortNames,
                                versions: group.versionsByPreference, isDefault: false)
                    found[key] = ServedKind(kind: Self.kind(base, from: resource), version: version)
                }
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// The kind as the server describes it (resource name, scope, short names).
    static func kind(_ kind: Kind, from resource: APIResourceInfo) -> Kind {
        var kind = kind
        kind.resource = resource.name
        kind.kind = resource.kind
        kind.namespaced = resource.namespaced
        if kind.shortNames.isEmpty { kind.shortNames = resource.shortNames }
        return kind
    }

    /// Every version's resource list of `groups`, fetched concurrently; a version that is gone
    /// (404) lists nothing.
    private func resourceLists(_ groups: [APIGroupInfo]) async -> [String: Result<[APIResourceInfo], KubeError>] {
        await withTaskGroup(of: (String, Result<[APIResourceInfo], KubeError>).self) { tasks in
            for group in groups {
                for version in group.versions {
                    let path = group.name.isEmpty ? "/api/\(version)" : "/apis/\(group.name)/\(version)"
                    tasks.addTask {
                        do throws(KubeError) {
                            let response = try await transport.get(path)
                            if response.status == 404 { return ("\(group.name)/\(version)", .success([])) }
                            guard response.isSuccess else { return ("\(group.name)/\(version)", .failure(response.error)) }
                            return ("\(group.name)/\(version)", .success(try DiscoveryDocuments.resources(response)))
                        } catch {
                            return ("\(group.name)/\(version)", .failure(error))
                        }
                    }
                }
            }
            var lists: [String: Result<[APIResourceInfo], KubeError>] = [:]
            for await (key, result) in tasks { lists[key] = result }
            return lists
        }
    }
}
