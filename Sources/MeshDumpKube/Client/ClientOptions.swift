import MeshDumpCore

/// How a `KubeClient` behaves on the wire.
public struct ClientOptions: Sendable {
    /// The longest one request may take, body included; a request that takes longer fails and
    /// is retried like a connection reset.
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    public var retry: RetryPolicy
    /// Objects per page of a list (`?limit=`).
    public var pageSize: Int
    /// The largest response body accepted.
    public var maxResponseBytes: Int
    /// Where exec plugins get their environment and proxies come from.
    public var environment: Environment
    public var userAgent: String
    /// Fields of listed objects the caller drops anyway, skipped while decoding pages.
    public var droppedFields: DroppedFields?

    public init(requestTimeout: Duration = .seconds(60), connectTimeout: Duration = .seconds(10),
                retry: RetryPolicy = RetryPolicy(), pageSize: Int = 500, maxResponseBytes: Int = 1 << 30,
                environment: Environment = .process, userAgent: String = "meshdump") {
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retry = retry
        self.pageSize = pageSize
        self.maxResponseBytes = maxResponseBytes
        self.environment = environment
        self.userAgent = userAgent
    }
}
