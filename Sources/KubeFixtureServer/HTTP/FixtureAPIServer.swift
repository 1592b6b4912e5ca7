import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A local HTTP or HTTPS server that behaves like a Kubernetes API server for `FixtureCluster`:
/// discovery, `/version`, cluster-wide and per-namespace lists with `limit`/`continue`, label
/// and field selectors, single GETs, Tables for kubectl, server-side apply, create and delete
/// (with dry runs and preconditions), bearer token, basic and client certificate
/// authentication, and injectable faults.
public final class FixtureAPIServer: Sendable {
    /// TLS material: the server's certificate and key, and the CA client certificates must chain to.
    public struct TLS: Sendable {
        public var certificateChainPEM: [UInt8]
        public var privateKeyPEM: [UInt8]
        public var clientCAPEM: [UInt8]?

        public init(certificateChainPEM: [UInt8], privateKeyPEM: [UInt8], clientCAPEM: [UInt8]? = nil) {
            self.certificateChainPEM = certificateChainPEM
            self.privateKeyPEM = privateKeyPEM
            self.clientCAPEM = clientCAPEM
        }
    }

    public let faults: FaultInjector
    public let log: RequestLog
    private let store: ClusterStore
    public let isTLS: Bool
    public let host: String
    public let port: Int
    private let channel: any Channel

    /// The cluster as clients' writes have left it.
    public var cluster: FixtureCluster { store.snapshot }

    /// `http(s)://127.0.0.1:PORT`
    public var url: String { "\(isTLS ? "https" : "http")://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Starts serving `cluster` (sealed first) on `host:port` (port 0: any free port).
    public static func start(cluster: FixtureCluster, auth: ServerAuth = ServerAuth(), tls: TLS? = nil,
                             host: String = "127.0.0.1", port: Int = 0) async throws -> FixtureAPIServer {
        var cluster = cluster
        cluster.seal()
        let sslContext = try tls.map { tls in
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(tls.certificateChainPEM).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: tls.privateKeyPEM, format: .pem)))
            if let ca = tls.clientCAPEM {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
                configuration.certificateVerification = .optionalVerification
            }
            return try NIOSSLContext(configuration: configuration)
        }
        let faults = FaultInjector(), log = RequestLog(), store = ClusterStore(cluster)
        let address = AddressBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    let app = ServerApp(store: store, auth: auth, faults: faults, log: log, serverAddress: address.value)
                    try channel.pipeline.syncOperations.addHandler(HTTPHandler(app: app))
                }
            }
            .bind(host: host, port: port).get()
        let boundPort = channel.localAddress?.port ?? port
        address.value = "\(host):\(boundPort)"
        return FixtureAPIServer(channel: channel, faults: faults, log: log, store: store, isTLS: tls != nil, host: host, port: boundPort)
    }

    private init(channel: any Channel, faults: FaultInjector, log: RequestLog, store: ClusterStore, isTLS: Bool, host: String, port: Int) {
        self.channel = channel
        self.faults = faults
        self.log = log
        self.store = store
        self.isTLS = isTLS
        self.host = host
        self.port = port
    }

    /// Stops accepting connections.
    public func stop() async throws {
        try await channel.close()
    }

    /// Waits until the server is stopped.
    public func wait() async throws {
        try await channel.closeFuture.get()
    }
}

/// The bound address, known only after binding, read by connections accepted later.
private final class AddressBox: Sendable {
    private let stored = Mutex("")
    var value: String {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
