import Synchronization

/// A failure the fixture server injects into matching requests, for the client's tests.
public struct Fault: Sendable {
    /// What the server does instead of (or before) answering.
    public enum Action: Sendable {
        /// Answers with this status (429, 500, 503…), with `Retry-After` seconds when given.
        case status(Int, retryAfter: Int? = nil)
        /// Answers 403 Forbidden as RBAC would.
        case forbidden
        /// Answers 410 Expired, as when a continue token's resourceVersion was compacted; with
        /// `offerContinue`, the Status carries a token to go on with (inconsistently).
        case expired(offerContinue: Bool)
        /// Waits this long, then answers normally.
        case delay(Duration)
        /// Closes the connection without answering.
        case dropConnection
        /// Sends the answer's head and the first `afterBytes` bytes of its body, then nothing,
        /// keeping the connection open.
        case stallBody(afterBytes: Int)
        /// Sends the answer's body one byte every `interval`.
        case trickleBody(interval: Duration)
        /// Lists: each page carries the continue token it was asked with again (the first page
        /// its own), its items renamed so every page looks new: a list without end.
        case repeatContinue
        /// Lists: each page says one object remains (`remainingItemCount: 1`) and continues with
        /// a fresh token, its items renamed: a list longer than it announces, without end.
        case overrunRemainingCount
        /// Lists: a Secret is slipped in as each page's first item.
        case foreignItem
        /// Lists asked for whole (no `limit`) get only their first `n` items and a continue token.
        case pageUnpagedLists(Int)

        /// Refuses a write with a `Status` of this code, reason and message, as validation (400
        /// BadRequest, 422 Invalid) or an admission webhook does; nothing is stored.
        case reject(code: Int, reason: String, message: String)
        /// Answers 409 Conflict: the object was modified meanwhile.
        case conflict

        /// Rejections and conflicts answer writes only; reads of the same object go through.
        var isWriteOnly: Bool {
            switch self {
            case .reject, .conflict: true
            default: false
            }
        }

        /// A validating webhook's denial, worded as the API server words it:
        /// `admission webhook "validation.istio.io" denied the request: MESSAGE` (400 unless told).
        public static func admissionDenied(webhook: String, message: String, code: Int = 400) -> Action {
            .reject(code: code, reason: code == 422 ? "Invalid" : "BadRequest",
                    message: "admission webhook \"\(webhook)\" denied the request: \(message)")
        }
    }

    /// Which requests a fault applies to.
    public struct Match: Sendable {
        /// Only requests for this resource (`virtualservices`); nil: any.
        public var resource: String?
        /// Only cluster-wide lists (no namespace in the path).
        public var clusterWideListsOnly: Bool
        /// Only list requests that carry a continue token.
        public var continueOnly: Bool
        /// Only requests whose path starts with this (`/apis`, `/api/v1/namespaces`).
        public var pathPrefix: String?
        /// Only requests for the object of this name (a create's name is in its body).
        public var name: String?
        /// Only requests with this method (`PATCH`, `DELETE`, `POST`); nil: any.
        public var method: String?
        /// Only dry runs (`dryRun=All` in the query), or only requests that are not; nil: any.
        public var dryRun: Bool?

        public init(resource: String? = nil, clusterWideListsOnly: Bool = false, continueOnly: Bool = false, pathPrefix: String? = nil,
                    name: String? = nil, method: String? = nil, dryRun: Bool? = nil) {
            self.resource = resource
            self.clusterWideListsOnly = clusterWideListsOnly
            self.continueOnly = continueOnly
            self.pathPrefix = pathPrefix
            self.name = name
            self.method = method
            self.dryRun = dryRun
        }
    }

    public var action: Action
    public var match: Match
    /// How many matching requests it affects; nil means all.
    public var times: Int?

    public init(_ action: Action, match: Match = Match(), times: Int? = nil) {
        self.action = action
        self.match = match
        self.times = times
    }
}

/// The faults in force, changeable while the server runs.
public final class FaultInjector: Sendable {
    private let faults = Mutex<[Fault]>([])

    public init() {}

    public func add(_ fault: Fault) { faults.withLock { $0.append(fault) } }

    public func removeAll() { faults.withLock { $0.removeAll() } }

    /// The first fault matching a request, used up once.
    func take(_ request: FaultRequest) -> Fault.Action? {
        faults.withLock { faults in
            for i in faults.indices where Self.matches(faults[i].match, request) && (request.method != "GET" || !faults[i].action.isWriteOnly) {
                if let times = faults[i].times {
                    if times <= 0 { continue }
                    faults[i].times = times - 1
                }
                return faults[i].action
            }
            return nil
        }
    }

    private static func matches(_ match: Fault.Match, _ request: FaultRequest) -> Bool {
        if let prefix = match.pathPrefix, !request.path.hasPrefix(prefix) { return false }
        if let method = match.method, method != request.method { return false }
        if let dryRun = match.dryRun, dryRun != request.dryRun { return false }
        let (resource, isList, namespace, name): (String?, Bool, String?, String?) = switch request.route {
        case .collection(let t, _, let ns): (t.resource, true, ns, request.bodyName)
        case .object(let t, _, let ns, let name): (t.resource, false, ns, name)
        default: (nil, false, nil, nil)
        }
        if let wanted = match.resource, wanted != resource { return false }
        if let wanted = match.name, wanted != name { return false }
        let isRead = request.method == "GET"
        if match.clusterWideListsOnly, !(isRead && isList && namespace == nil) { return false }
        if match.continueOnly, !(isRead && isList && request.hasContinue) { return false }
        return true
    }
}

/// What faults are matched on.
struct FaultRequest {
    var method: String
    var path: String
    var route: Route
    var hasContinue: Bool
    /// The name in a create's body.
    var bodyName: String?
    /// `dryRun=All` is in the query.
    var dryRun: Bool
}
