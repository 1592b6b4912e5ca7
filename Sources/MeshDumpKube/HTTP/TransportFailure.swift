import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// One attempt that got no answer, described for people and classified: resets, refused
/// connections and timeouts may pass and are retried; TLS and certificate failures will not.
struct TransportFailure: Error {
    var error: KubeError
    var isRetryable: Bool

    init(error: KubeError, isRetryable: Bool) {
        self.error = error
        self.isRetryable = isRetryable
    }

    init(_ error: any Error, url: String, timeout: Duration?) {
        let prefix = "GET \(url)"
        let within = timeout.map { " within \($0) (--request-timeout)" } ?? ""
        switch error {
        case let e as HTTPClientError where e == .deadlineExceeded || e == .readTimeout:
            self.init(error: .transport("\(prefix): no complete answer\(within)"), isRetryable: true)
        case let e as BodyDeadlineExceeded:
            let of = e.expected.map { " of \($0)" } ?? ""
            self.init(error: .transport("\(prefix): the answer stopped after \(e.received)\(of) bytes: no complete answer\(within)"), isRetryable: true)
        case let e as ServerIdentityError:
            self.init(error: .transport("\(prefix): TLS failed: \(e.message)"), isRetryable: false)
        case let e as ResponseTooLarge:
            self.init(error: .malformedResponse("\(prefix): the answer is larger than \(e.limit) bytes, the response size limit"), isRetryable: false)
        case let e as HTTPClientError where e == .connectTimeout:
            self.init(error: .transport("\(prefix): connection timed out"), isRetryable: true)
        case let e as HTTPClientError where e == .remoteConnectionClosed:
            self.init(error: .transport("\(prefix): the server closed the connection before answering"), isRetryable: true)
        case let e as HTTPClientError where e == .cancelled:
            self.init(error: .transport("\(prefix): cancelled"), isRetryable: false)
        case let e as HTTPClientError where e == .invalidProxyResponse || e == .proxyAuthenticationRequired:
            self.init(error: .transport("\(prefix): the proxy refused: \(e)"), isRetryable: false)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            self.init(error: .transport("\(prefix): TLS failed: \(error)"), isRetryable: false)
        case let e as IOError where e.errnoCode == ECONNREFUSED:
            self.init(error: .transport("\(prefix): connection refused (is the API server running there?)"), isRetryable: true)
        case let e as IOError:
            self.init(error: .transport("\(prefix): \(e.description)"), isRetryable: true)
        default:
            let text = String(describing: error)
            let tls = text.contains("SSL") || text.contains("certificate") || text.contains("handshake")
            self.init(error: .transport("\(prefix): \(tls ? "TLS failed: " : "")\(text)"), isRetryable: !tls)
        }
    }
}
