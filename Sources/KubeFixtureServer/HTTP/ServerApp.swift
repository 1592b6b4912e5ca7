import Foundation
import MeshDumpCore

/// Answers one request: authentication, injected faults, then the Kubernetes API.
final class ServerApp: Sendable {
    let cluster: FixtureCluster
    let auth: ServerAuth
    let faults: FaultInjector
    let log: RequestLog
    let serverAddress: String

    init(cluster: FixtureCluster, auth: ServerAuth, faults: FaultInjector, log: RequestLog, serverAddress: String) {
        self.cluster = cluster
        self.auth = auth
        self.faults = faults
        self.log = log
        self.serverAddress = serverAddress
    }

    func reply(method: String, uri: String, authorization: String?, accept: String?, certificateCommonName: String?) -> Reply {
        let (path, query) = Self.split(uri)
        let user = auth.user(authorization: authorization, certificateCommonName: certificateCommonName)
        let reply = answer(method: method, path: path, query: query, user: user, accept: accept ?? "")
        log.append(LoggedRequest(method: method, path: path, query: query, user: user, status: reply.dropConnection ? 0 : reply.status))
        return reply
    }

    private func answer(method: String, path: String, query: [String: String], user: String?, accept: String) -> Reply {
        guard let user else { return .unauthorized }
        let route = Route(path: path, cluster: cluster)
        var delay = Duration.zero
        var hostile: HostileAnswer?
        var query = query
        if let action = faults.take(path: path, route: route, hasContinue: query["continue"] != nil) {
            switch action {
            case .delay(let d): delay = d
            case .dropConnection: return .dropped
            default:
                guard let answer = HostileAnswer(action, route: route, serial: log.requests.count) else {
                    return faultReply(action, route: route, user: user, query: query)
                }
                hostile = answer
                query = answer.query(for: query)
            }
        }
        var reply = method == "GET" ? api(route, query: query, user: user, asTable: accept.contains("as=Table"))
            : .status(405, reason: "MethodNotAllowed", message: "the fixture server only serves GET")
        if let hostile { reply = hostile.apply(to: reply, query: query) }
        reply.delay = delay
        return reply
    }

    private func api(_ route: Route, query: [String: String], user: String, asTable: Bool) -> Reply {
        let discovery = DiscoveryReplies(cluster: cluster, serverAddress: serverAddress)
        switch route {
        case .version: return .json(DiscoveryReplies.version)
        case .coreVersions: return .json(discovery.coreVersions)
        case .groups: return .json(discovery.groupList)
        case .group(let name): return discovery.group(named: name).map { .json($0) } ?? .pathNotFound
        case .resourceList(let group, let version): return .json(discovery.resourceList(group: group, version: version))
        case .collection(let type, let version, let namespace):
            if query["watch"] == "true" || query["watch"] == "1" {
                return .status(405, reason: "MethodNotAllowed", message: "the fixture server does not serve watches")
            }
            guard auth.mayList(user: user, type: type, namespace: namespace) else {
                return .forbidden(user: user, verb: "list", type: type, namespace: namespace)
            }
            let listQuery = ListReplies.Query(limit: query["limit"].flatMap(Int.init), continueToken: query["continue"],
                                              labelSelector: query["labelSelector"], fieldSelector: query["fieldSelector"], asTable: asTable)
            return ListReplies(cluster: cluster).list(type, version: version, namespace: namespace, query: listQuery)
        case .object(let type, let version, let namespace, let name):
            guard auth.mayList(user: user, type: type, namespace: namespace) || type == .namespace else {
                return .forbidden(user: user, verb: "get", type: type, namespace: namespace)
            }
            return ListReplies(cluster: cluster).get(type, version: version, namespace: namespace, name: name, asTable: asTable)
        case .notFound: return .pathNotFound
        }
    }

    private func faultReply(_ action: Fault.Action, route: Route, user: String, query: [String: String]) -> Reply {
        switch action {
        case .status(let code, let retryAfter):
            let (reason, message) = switch code {
            case 429: ("TooManyRequests", "Too many requests, please try again later.")
            case 503: ("ServiceUnavailable", "The server is currently unable to handle the request")
            case 500: ("InternalError", "Internal error occurred: injected fault")
            default: ("", "injected fault \(code)")
            }
            var reply = Reply.status(code, reason: reason, message: message,
                                     details: retryAfter.map { ["retryAfterSeconds": .int(String($0))] })
            if let retryAfter { reply.headers.append(("Retry-After", String(retryAfter))) }
            return reply
        case .forbidden:
            switch route {
            case .collection(let type, _, let namespace): return .forbidden(user: user, verb: "list", type: type, namespace: namespace)
            case .object(let type, _, let namespace, _): return .forbidden(user: user, verb: "get", type: type, namespace: namespace)
            default: return .status(403, reason: "Forbidden", message: "forbidden: User \"\(user)\" cannot get path")
            }
        case .expired(let offer):
            var message = "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter"
            var token: String? = nil
            if offer, let old = query["continue"].flatMap(ContinueToken.init(decoding:)) {
                message += ", or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."
                var fresh = old
                fresh.resourceVersion = cluster.resourceVersion + 1
                token = fresh.encoded
            } else {
                message += "."
            }
            return .status(410, reason: "Expired", message: message, continueToken: token)
        default:
            return .pathNotFound
        }
    }

    /// `/path?a=b&c=d` → path and decoded parameters.
    static func split(_ uri: String) -> (String, [String: String]) {
        guard let q = uri.firstIndex(of: "?") else { return (uri, [:]) }
        var query: [String: String] = [:]
        for pair in uri[uri.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            query[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return (String(uri[..<q]), query)
    }
}
