import Synchronization

/// A request the fixture server received, for tests to check what a client asked.
public struct LoggedRequest: Sendable {
    public var method: String
    public var path: String
    /// Decoded query parameters.
    public var query: [String: String]
    /// The authenticated user; nil when authentication failed.
    public var user: String?
    /// The status answered; 0 when the connection was dropped.
    public var status: Int
    /// The body's media type (`application/apply-patch+yaml`), when it had one.
    public var contentType: String?
    /// The `Accept` header (`application/json;as=PartialObjectMetadataList;…`); empty when none.
    public var accept = ""

    /// Whether the request asks to change something (anything but a read).
    public var isMutating: Bool { !["GET", "HEAD", "OPTIONS"].contains(method) }

    /// Whether the request asks for a dry run (`?dryRun=All`, or in a delete's options).
    public var isDryRun: Bool { query["dryRun"] == "All" || dryRunInBody }

    var dryRunInBody = false
}

/// Every request received, in order.
public final class RequestLog: Sendable {
    private let entries = Mutex<[LoggedRequest]>([])

    public init() {}

    func append(_ request: LoggedRequest) { entries.withLock { $0.append(request) } }

    public var requests: [LoggedRequest] { entries.withLock { $0 } }

    public func clear() { entries.withLock { $0.removeAll() } }
}
