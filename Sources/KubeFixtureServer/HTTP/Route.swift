/// What a request path asks for, in the API server's URL scheme.
enum Route: Equatable {
    case version
    /// `/api`
    case coreVersions
    /// `/apis`
    case groups
    /// `/apis/GROUP`
    case group(String)
    /// `/api/v1`, `/apis/GROUP/VERSION`
    case resourceList(group: String, version: String)
    /// A list: cluster-wide when `namespace` is nil.
    case collection(ResourceType, version: String, namespace: String?)
    case object(ResourceType, version: String, namespace: String?, name: String)
    /// `/openapi/v3`
    case openAPIRoot
    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/GROUP/VERSION`
    case openAPI(group: String, version: String)
    case notFound

    init(path: String, cluster: FixtureCluster) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.first {
        case "version" where parts.count == 1: self = .version
        case "openapi" where parts.count >= 2 && parts[1] == "v3":
            switch Array(parts.dropFirst(2)) {
            case []: self = .openAPIRoot
            case let rest where rest.count == 2 && rest[0] == "api": self = .openAPI(group: "", version: rest[1])
            case let rest where rest.count == 3 && rest[0] == "apis": self = .openAPI(group: rest[1], version: rest[2])
            default: self = .notFound
            }
        case "api":
            if parts.count == 1 { self = .coreVersions; return }
            self = Self.resource(group: "", version: parts[1], rest: Array(parts.dropFirst(2)), cluster: cluster)
        case "apis":
            switch parts.count {
            case 1: self = .groups
            case 2: self = cluster.types.contains { $0.group == parts[1] } ? .group(parts[1]) : .notFound
            default: self = Self.resource(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)), cluster: cluster)
            }
        default: self = .notFound
        }
    }

    private static func resource(group: String, version: String, rest: [String], cluster: FixtureCluster) -> Route {
        guard cluster.types.contains(where: { $0.group == group && $0.versions.contains(version) }) else { return .notFound }
        func type(_ resource: String) -> ResourceType? {
            cluster.types.first { $0.group == group && $0.resource == resource && $0.versions.contains(version) }
        }
        switch rest.count {
        case 0:
            return .resourceList(group: group, version: version)
        case 1:
            guard let t = type(rest[0]) else { return .notFound }
            return .collection(t, version: version, namespace: nil)
        case 2:
            guard let t = type(rest[0]), !t.namespaced else { return .notFound }
            return .object(t, version: version, namespace: nil, name: rest[1])
        case 3 where rest[0] == "namespaces":
            guard let t = type(rest[2]), t.namespaced else { return .notFound }
            return .collection(t, version: version, namespace: rest[1])
        case 4 where rest[0] == "namespaces":
            guard let t = type(rest[2]), t.namespaced else { return .notFound }
            return .object(t, version: version, namespace: rest[1], name: rest[3])
        default:
            return .notFound
        }
    }
}
