import NIOCore
import NIOPosix
import Synchronization

/// A minimal HTTP CONNECT proxy on loopback, for testing clients' `proxy-url`: it answers
/// `CONNECT host:port` by opening a TCP connection there and relaying bytes both ways. It
/// counts the tunnels it opened and remembers their targets.
public final class ConnectProxy: Sendable {
    public let port: Int
    private let channel: any Channel
    private let targets = Mutex<[String]>([])

    /// Targets of the tunnels opened so far (`127.0.0.1:6443`).
    public var tunnels: [String] { targets.withLock { $0 } }

    public static func start(host: String = "127.0.0.1") async throws -> ConnectProxy {
        let box = Mutex<ConnectProxy?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectHandler { target in
                        box.withLock { $0?.targets.withLock { $0.append(target) } }
                    })
                }
            }
            .bind(host: host, port: 0).get()
        let proxy = ConnectProxy(channel: channel, port: channel.localAddress?.port ?? 0)
        box.withLock { $0 = proxy }
        return proxy
    }

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    public func stop() async throws { try await channel.close() }
}

/// Reads the CONNECT request, then relays.
private final class ConnectHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var header: [UInt8] = []
    private var peer: (any Channel)?
    private let opened: @Sendable (String) -> Void

    init(opened: @escaping @Sendable (String) -> Void) {
        self.opened = opened
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if let peer {
            peer.writeAndFlush(buffer, promise: nil)
            return
        }
        header += buffer.readableBytesView
        guard let end = String(decoding: header, as: UTF8.self).range(of: "\r\n\r\n") else { return }
        let request = String(decoding: header, as: UTF8.self)[..<end.lowerBound]
        let words = request.split(separator: " ")
        guard words.count >= 2, words[0] == "CONNECT", let colon = words[1].lastIndex(of: ":"), let port = Int(words[1][words[1].index(after: colon)...]) else {
            context.close(promise: nil)
            return
        }
        let host = String(words[1][..<colon])
        let client = context.channel
        let loop = context.eventLoop
        opened(String(words[1]))
        ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(RelayHandler(to: client)) }
            }
            .connect(host: host, port: port)
            .whenComplete { [self] result in
                switch result {
                case .success(let upstream):
                    self.peer = upstream
                    var reply = client.allocator.buffer(capacity: 64)
                    reply.writeString("HTTP/1.1 200 Connection established\r\n\r\n")
                    client.writeAndFlush(reply, promise: nil)
                case .failure:
                    client.close(promise: nil)
                }
            }
    }

    func channelInactive(context: ChannelHandlerContext) {
        peer?.close(promise: nil)
    }
}

/// Forwards everything read on one channel to another; closes both together.
private final class RelayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let partner: any Channel

    init(to partner: any Channel) {
        self.partner = partner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner.close(promise: nil)
    }
}
