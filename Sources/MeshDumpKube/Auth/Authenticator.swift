import Synchronization

/// What one request authenticates with.
struct RequestAuth: Sendable, Equatable {
    /// The `Authorization` header value.
    var authorization: String?
    /// PEM certificate and key for TLS client authentication.
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    /// The exec credential in use, to forget when the server rejects it.
    var execCredential: ExecCredential?
}

/// Supplies each request's credentials from a connection's settings: a static or file token,
/// basic credentials, a client certificate, or an exec plugin's output.
final class Authenticator: Sendable {
    let credentials: Credentials
    let server: ServerAddress
    let environment: Environment
    let execLimits: ProcessRunner.Limits
    private let tokenFileCache = Mutex<(token: String, readAt: ContinuousClock.Instant)?>(nil)

    /// How long a token file's content is reused before it is read again (client-go: one minute).
    static let tokenFileLifetime: Duration = .seconds(60)

    init(credentials: Credentials, server: ServerAddress, environment: Environment, execLimits: ProcessRunner.Limits) {
        self.credentials = credentials
        self.server = server
        self.environment = environment
        self.execLimits = execLimits
    }

    /// Whether a 401 may go away by obtaining the credentials again.
    var canRefresh: Bool { credentials.exec != nil || credentials.tokenFile != nil }

    func current() async throws(KubeError) -> RequestAuth {
        var auth = RequestAuth(clientCertificatePEM: credentials.clientCertificatePEM, clientKeyPEM: credentials.clientKeyPEM)
        if let tokenFile = credentials.tokenFile {
            auth.authorization = "Bearer " + (try token(from: tokenFile))
        } else if let token = credentials.bearerToken {
            auth.authorization = "Bearer " + token
        } else if credentials.username != nil || credentials.password != nil {
            let pair = "\(credentials.username ?? ""):\(credentials.password ?? "")"
            auth.authorization = "Basic " + Base64.encode(Array(pair.utf8))
        }
        if let exec = credentials.exec {
            let credential = try await ExecCredentialCache.shared.credential(for: exec, server: server, environment: environment,
                                                                                  limits: execLimits)
            auth.execCredential = credential
            if let token = credential.token, auth.authorization == nil { auth.authorization = "Bearer " + token }
            if let cert = credential.clientCertificatePEM, auth.clientCertificatePEM == nil {
                auth.clientCertificatePEM = cert
                auth.clientKeyPEM = credential.clientKeyPEM
            }
        }
        return auth
    }

    /// The server answered 401 to `auth`: drop what may have gone stale.
    func rejected(_ auth: RequestAuth) async {
        tokenFileCache.withLock { $0 = nil }
        if let exec = credentials.exec, let used = auth.execCredential {
            await ExecCredentialCache.shared.invalidate(used, exec: exec, server: server)
        }
    }

    private func token(from path: String) throws(KubeError) -> String {
        let now = ContinuousClock.now
        if let cached = tokenFileCache.withLock({ $0 }), now - cached.readAt < Self.tokenFileLifetime {
            return cached.token
        }
        let data: [UInt8]
        do {
            data = try FileCheck.read(path, what: "tokenFile")
        } catch {
            throw KubeError.credentials(error.description)
        }
        let token = String(decoding: data, as: UTF8.self).trimmingWhitespace()
        guard !token.isEmpty else { throw KubeError.credentials("tokenFile \(path) is empty") }
        tokenFileCache.withLock { $0 = (token, now) }
        return token
    }
}
