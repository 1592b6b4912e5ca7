/// An API server's answer: its HTTP status, the headers meshdump reads, and the body.
struct Response: Sendable {
    var status: Int
    var retryAfter: String?
    var body: [UInt8]
    /// The request path and query, for messages and origins.
    var path: String
    /// `Warning` headers (`299 - "unknown field \"spec.x\""`), as sent.
    var warnings: [String] = []

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The error this answer stands for, with the server's reason and message.
    var error: KubeError {
        let status = StatusBody(code: self.status, body: body)
        return .status(code: self.status, reason: status.reason, message: status.message, path: path)
    }
}
