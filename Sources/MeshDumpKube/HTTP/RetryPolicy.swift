
/// How often and how long to retry a request that failed in a way that may pass: HTTP 429 and
/// 5xx answers (honouring `Retry-After`), connection resets and timeouts. Bounded: after
/// `maxAttempts` the error is returned.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait before the second attempt; each later wait doubles, up to `maxDelay`.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more gets this.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// HTTP statuses worth another try.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// The wait after failed attempt `attempt` (1-based): the server's `Retry-After` seconds when
    /// given, else exponential backoff with up to 25% jitter.
    func delay(afterAttempt attempt: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Int(retryAfter.trimmingWhitespace()), seconds >= 0 {
            return min(.seconds(seconds), maxRetryAfter)
        }
        var delay = baseDelay
        for _ in 1..<max(attempt, 1) {
            delay = min(delay * 2, maxDelay)
        }
        return delay + delay * Double.random(in: 0..<0.25)
    }
}
