import MeshDumpCore

/// Answers one request: authentication, injected faults, then the Kubernetes API — reads from a
/// snapshot of the store, writes through it.
final class ServerApp: Sendable {
    let store: ClusterStore
    let auth: ServerAuth
    let faults: FaultInjector
    let log: RequestLog
    let serverAddress: String

    convenience init(cluster: FixtureCluster, auth: ServerAuth, faults: FaultInjector, log: RequestLog, serverAddress: String) {
        self.init(store: ClusterStore(cluster), auth: auth, faults: faults, log: log, serverAddress: serverAddress)
    }

    init(store: ClusterStore, auth: ServerAuth, faults: FaultInjector, log: RequestLog, serverAddress: String) {
        self.store = store
        self.auth = auth
        self.faults = faults
        self.log = log
        self.serverAddress = serverAddress
    }

    /// The cluster as it is now.
    var cluster: FixtureCluster { store.snapshot }

    func reply(method: String, uri: String, authorization: String?, accept: String?, certificateCommonName: String?,
               contentType: String? = nil, userAgent: String? = nil, body: [UInt8] = []) -> Reply {
        let (path, query) = Self.split(uri)
        let user = auth.user(authorization: authorization, certificateCommonName: certificateCommonName)
        let incoming = Incoming(method: method, path: path, query: query, accept: accept ?? "", contentType: contentType, userAgent: userAgent, body: body)
        let reply = answer(incoming, user: user)
        var entry = LoggedRequest(method: method, path: path, query: query, user: user, status: reply.dropConnection ? 0 : reply.status,
                                  contentType: contentType)
        entry.accept = accept ?? ""
        entry.dryRunInBody = method == "DELETE" && ((try? DeleteBody(body: body))?.dryRun ?? false)
        log.append(entry)
        return reply
    }

    /// One request as the app reads it.
    private struct Incoming {
        var method: String
        var path: String
        var query: [String: String]
        var accept: String
        var contentType: String?
        var userAgent: String?
        var body: [UInt8]
    }

    private func answer(_ request: Incoming, user: String?) -> Reply {
        guard let user else { return .unauthorized }
        // No snapshot stays alive across a write: sharing the store's storage would make it copy.
        let route = Route(path: request.path, cluster: store.snapshot)
        var delay = Duration.zero
        var hostile: HostileAnswer?
        var query = request.query
        let bodyName = request.method == "POST" ? (try? ObjectDecoder(InputBytes(request.body, source: "body")).next())?.name : nil
        if let action = faults.take(FaultRequest(method: request.method, path: request.path, route: route,
                                                 hasContinue: request.query["continue"] != nil, bodyName: bodyName,
                                                 dryRun: request.query["dryRun"] == "All")) {
            switch action {
            case .delay(let d): delay = d
            case .dropConnection: return .dropped
            default:
                guard let answer = HostileAnswer(action, route: route, serial: log.requests.count) else {
                    return faultReply(action, route: route, user: user, query: request.query)
                }
                hostile = answer
                query = answer.query(for: query)
            }
        }
        var reply: Reply
        if request.method == "GET" {
            reply = api(route, cluster: store.snapshot, query: query, user: user, accept: request.accept)
        } else {
            reply = write(route, request: request)
        }
        if let hostile { reply = hostile.apply(to: reply, query: query) }
        reply.delay = delay
        return reply
    }

    private func write(_ route: Route, request: Incoming) -> Reply {
        var body = request.body
        if !body.isEmpty, request.method != "PATCH", let type = request.contentType,
           !(type.hasPrefix("application/json") || type.hasPrefix("application/yaml")) {
            // kubectl creates built-in kinds in protobuf (and does not fall back to JSON on 415).
            guard type.hasPrefix("application/vnd.kubernetes.protobuf"), let object = ProtobufBody.object(body) else {
                return .unsupportedMediaType(accepted: "application/json, application/yaml")
            }
            body = JSONText.bytes(object)
        }
        let write: WriteRequest
        do {
            write = try WriteRequest(query: request.query, contentType: request.contentType, body: body, userAgent: request.userAgent)
        } catch {
            return error.reply
        }
        let replies = WriteReplies(store: store, now: ServerFields.timestamp())
        switch (request.method, route) {
        case ("PATCH", .object(let type, let version, let namespace, let name)):
            return replies.apply(type, version: version, namespace: namespace, name: name, request: write)
        case ("POST", .collection(let type, let version, let namespace)):
            return replies.create(type, version: version, namespace: namespace, request: write)
        case ("DELETE", .object(let type, _, let namespace, let name)):
            do {
                return replies.delete(type, namespace: namespace, name: name, request: write, options: try DeleteBody(body: body))
            } catch {
                return error.reply
            }
        case (_, .notFound):
            return .pathNotFound
        default:
            return .status(405, reason: "MethodNotAllowed", message: "the fixture server does not serve \(request.method) here")
        }
    }

    private func api(_ route: Route, cluster: FixtureCluster, query: [String: String], user: String, accept: String) -> Reply {
        // The first media type offered decides, as the API server's content negotiation does.
        let preferred = accept.split(separator: ",").first.map(String.init) ?? ""
        let asTable = preferred.contains("as=Table")
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
                                              labelSelector: query["labelSelector"], fieldSelector: query["fieldSelector"], asTable: asTable,
                                              asMetadata: preferred.contains("as=PartialObjectMetadataList"))
            return ListReplies(cluster: cluster).list(type, version: version, namespace: namespace, query: listQuery)
        case .object(let type, let version, let namespace, let name):
            guard auth.mayList(user: user, type: type, namespace: namespace) || type == .namespace else {
                return .forbidden(user: user, verb: "get", type: type, namespace: namespace)
            }
            return ListReplies(cluster: cluster).get(type, version: version, namespace: namespace, name: name, asTable: asTable)
        case .openAPIRoot: return .json(OpenAPIReplies(cluster: cluster).root)
        case .openAPI(let group, let version):
            return OpenAPIReplies(cluster: cluster).document(group: group, version: version).map { .json($0) } ?? .pathNotFound
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
        case .reject(let code, let reason, let message):
            return .status(code, reason: reason, message: message)
        case .conflict:
            switch route {
            case .object(let type, _, _, let name): return .conflict(type, name: name, Reply.modified)
            default: return .status(409, reason: "Conflict", message: "Operation cannot be fulfilled: \(Reply.modified)")
            }
        default:
            return .pathNotFound
        }
    }

    /// `/path?a=b&c=d` → path and decoded parameters.
    static func split(_ uri: String) -> (String, [String: String]) {
        guard let q = uri.firstIndex(of: "?") else { return (uri, [:]) }
        return (String(uri[..<q]), QueryText.parameters(uri[uri.index(after: q)...]))
    }
}
