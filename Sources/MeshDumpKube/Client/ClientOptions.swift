import MeshDumpCore

/// How a `KubeClient` behaves on the wire.
public struct ClientOptions: Sendable {
    /// The longest one request may take, from connecting to the last byte of the body; also the
    /// longest wait for the next bytes of an answer. A request that takes longer fails and is
    /// retried like a connection reset. nil: no bound (`--request-timeout 0`).
    public var requestTimeout: Duration?
    public var connectTimeout: Duration
    public var retry: RetryPolicy
    /// Objects per page of a list (`?limit=`).
    public var pageSize: Int
    /// The largest response body accepted.
    public var maxResponseBytes: Int
    /// The longest an exec credential plugin may run before it is killed.
    public var execTimeout: Duration
    /// Where exec plugins get their environment and proxies come from.
    public var environment: Environment
    public var userAgent: String
    /// Fields of listed objects the caller drops anyway, skipped while decoding pages.
    public var droppedFields: DroppedFields?
    /// HTTP/1.1 connections open to the server at once, so as many requests can be in flight
    /// (over HTTP/2 they share one connection). A caller sending more at once raises it.
    public var connectionsPerServer = 8

    /// kubectl has no default request timeout; meshdump bounds every request by default.
    public static let defaultRequestTimeout: Duration = .seconds(60)
    /// Generous: kubelogin's browser login itself gives up after 3 minutes.
    public static let defaultExecTimeout: Duration = .seconds(300)

    public init(requestTimeout: Duration? = defaultRequestTimeout, connectTimeout: Duration = .seconds(10),
                retry: RetryPolicy = RetryPolicy(), pageSize: Int = 500, maxResponseBytes: Int = 1 << 30,
                execTimeout: Duration = defaultExecTimeout, environment: Environment = .process, userAgent: String = "meshdump") {
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retry = retry
        self.pageSize = pageSize
        self.maxResponseBytes = maxResponseBytes
        self.execTimeout = execTimeout
        self.environment = environment
        self.userAgent = userAgent
    }
}
