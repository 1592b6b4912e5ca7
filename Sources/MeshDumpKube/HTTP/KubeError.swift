/// Why a request to the API server failed, with the server's own message when it gave one.
public enum KubeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error: HTTP status, the Status object's reason
    /// (`Forbidden`, `Expired`, …) and message, and the request path.
    case status(code: Int, reason: String, message: String, path: String)
    /// The request never got an answer: connection refused or reset, TLS failure, timeout.
    case transport(String)
    /// Credentials could not be obtained (exec plugin failed, token file unreadable).
    case credentials(String)
    /// The server answered with something that is not what the API promises.
    case malformedResponse(String)

    /// The HTTP status, when the server answered.
    public var statusCode: Int? {
        if case .status(let code, _, _, _) = self { return code }
        return nil
    }

    /// The Status reason, when the server answered with one.
    public var reason: String? {
        if case .status(_, let reason, _, _) = self { return reason.isEmpty ? nil : reason }
        return nil
    }

    /// The message alone (the server's, for a status), without the HTTP status.
    public var message: String {
        switch self {
        case .status(_, _, let message, _): message
        case .transport(let message), .credentials(let message), .malformedResponse(let message): message
        }
    }

    public var description: String {
        switch self {
        case .status(let code, _, let message, _): "\(message) (HTTP \(code))"
        case .transport(let message), .credentials(let message), .malformedResponse(let message): message
        }
    }
}
