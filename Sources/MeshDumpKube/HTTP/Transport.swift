import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// Requests to one API server with its TLS settings, credentials and proxy; bounded retries
/// with backoff for answers and failures that may pass; a deadline on every attempt, body
/// included, and on every wait for the next bytes of an answer.
final class Transport: Sendable {
    let connection: ClusterConnection
    let options: ClientOptions
    private let http: HTTPClient
    private let authenticator: Authenticator
    /// `scheme://host:port/prefix` as requests name it (the TLS server name when one is set).
    private let baseURL: String
    private let tlsCache = Mutex<(auth: RequestAuth, tls: TLSConfiguration)?>(nil)
    private let isShutDown = Atomic<Bool>(false)

    init(connection: ClusterConnection, options: ClientOptions) {
        self.connection = connection
        self.options = options
        authenticator = Authenticator(credentials: connection.credentials, server: connection.server, environment: options.environment,
                                      execLimits: ProcessRunner.Limits(time: options.execTimeout, outputBytes: ExecPlugin.maxOutputBytes))
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .nanoseconds(options.connectTimeout.nanoseconds),
                                      read: options.requestTimeout.map { .nanoseconds($0.nanoseconds) })
        configuration.redirectConfiguration = .disallow
        // No tracer is ever bootstrapped: a no-op span per request (and a second parse of its URL
        // for the span's attributes) was a twentieth of apply's client time.
        configuration.tracing.tracer = nil
        // Fail an attempt when its connection fails (a TLS error must not wait for the deadline);
        // `get` retries what may pass.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, options.connectionsPerServer)
        var server = connection.server
        if server.isTLS, let name = connection.tlsServerName, name != server.host {
            // Request `name` so SNI and certificate checks use it, but connect to the real host.
            configuration.dnsOverride = [name: server.host]
            server.host = name
        }
        if server.isTLS, !connection.insecureSkipTLSVerify {
            let identity = ServerIdentity(expectedName: connection.tlsServerName ?? connection.server.host,
                                          setting: connection.tlsServerName == nil ? "server's host" : "context's tls-server-name")
            configuration.http1_1ConnectionDebugInitializer = { identity.verify($0) }
            configuration.http2ConnectionDebugInitializer = { identity.verify($0) }
        }
        if let proxy = connection.proxy {
            switch proxy.kind {
            case .http:
                let authorization = proxy.username.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            case .socks5:
                configuration.proxy = .socksServer(host: proxy.host, port: proxy.port)
            }
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        baseURL = server.description
    }

    func shutdown() async {
        isShutDown.store(true, ordering: .sequentiallyConsistent)
        try? await http.shutdown()
    }

    /// A client dropped without `shutdown()` (a caller that threw past it) is shut down in the
    /// background: AsyncHTTPClient would otherwise stop the process.
    deinit {
        guard !isShutDown.load(ordering: .sequentiallyConsistent) else { return }
        Task { [http] in try? await http.shutdown() }
    }

    /// GETs `path` with `query`, retrying as the policy allows; returns the final answer,
    /// whatever its status. Throws only when no answer came (or credentials failed). `accept`
    /// replaces the `Accept` header (`application/json`), e.g. to ask for metadata only.
    func get(_ path: String, query: [(String, String)] = [], accept: String? = nil) async throws(KubeError) -> Response {
        try await send(.GET, path, query: query, accept: accept)
    }

    /// Sends `method` to `path` with `query` and a body of `contentType`, retrying as `get` does
    /// (the writes meshdump sends — server-side apply, deletes with preconditions, creates — may
    /// be repeated safely); returns the final answer, whatever its status.
    func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
              contentType: String? = nil, accept: String? = nil) async throws(KubeError) -> Response {
        let target = path + URLEncoding.query(query)
        var refreshedAuth = false
        var attempt = 0
        while true {
            attempt += 1
            let auth = try await authenticator.current()
            let outcome: Result<Response, TransportFailure>
            do {
                outcome = .success(try await once(method, target, body: body, contentType: contentType, accept: accept, auth: auth))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where response.status == 401 && authenticator.canRefresh && !refreshedAuth:
                refreshedAuth = true
                await authenticator.rejected(auth)
                attempt -= 1
                continue
            case .success(let response) where RetryPolicy.isRetryable(status: response.status) && attempt < options.retry.maxAttempts:
                try await pause(options.retry.delay(afterAttempt: attempt, retryAfter: response.retryAfter))
            case .success(let response):
                return response
            case .failure(let failure) where failure.isRetryable && attempt < options.retry.maxAttempts:
                try await pause(options.retry.delay(afterAttempt: attempt, retryAfter: nil))
            case .failure(let failure):
                if attempt > 1, case .transport(let message) = failure.error {
                    throw KubeError.transport("\(message) (after \(attempt) attempts)")
                }
                throw failure.error
            }
        }
    }

    /// GETs `path` and fails unless the answer is a success.
    func getOK(_ path: String, query: [(String, String)] = []) async throws(KubeError) -> Response {
        let response = try await get(path, query: query)
        guard response.isSuccess else { throw response.error }
        return response
    }

    private func pause(_ delay: Duration) async throws(KubeError) {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw KubeError.transport("cancelled")
        }
    }

    private func once(_ method: HTTPMethod, _ target: String, body: [UInt8]?, contentType: String?, accept: String?,
                      auth: RequestAuth) async throws(TransportFailure) -> Response {
        let url = baseURL + target
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: accept ?? "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        request.headers.add(name: "User-Agent", value: options.userAgent)
        if let authorization = auth.authorization { request.headers.add(name: "Authorization", value: authorization) }
        if connection.server.isTLS {
            do {
                request.tlsConfiguration = try tlsConfiguration(for: auth)
            } catch {
                throw TransportFailure(error: error, isRetryable: false)
            }
        }
        // One bound for the whole attempt: AsyncHTTPClient's deadline covers the head, BodyReader the body.
        let deadline: NIODeadline? = options.requestTimeout.map { .now() + .nanoseconds($0.nanoseconds) }
        do {
            let response = try await http.execute(request, deadline: deadline ?? .distantFuture)
            let body = try await BodyReader.read(response.body, limit: options.maxResponseBytes,
                                                 expectedLength: response.headers.first(name: "Content-Length").flatMap { Int($0) },
                                                 until: deadline, on: http.eventLoopGroup.any())
            return Response(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"),
                            body: body, path: target, warnings: response.headers["Warning"])
        } catch {
            throw TransportFailure(error, url: url, timeout: options.requestTimeout)
        }
    }

    private func tlsConfiguration(for auth: RequestAuth) throws(KubeError) -> TLSConfiguration {
        if let cached = tlsCache.withLock({ $0 }), cached.auth.clientCertificatePEM == auth.clientCertificatePEM,
           cached.auth.clientKeyPEM == auth.clientKeyPEM {
            return cached.tls
        }
        let tls = try TLSSettings.configuration(for: connection, auth: auth)
        tlsCache.withLock { $0 = (auth, tls) }
        return tls
    }
}
