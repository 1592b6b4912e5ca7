import MeshDumpCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// Reads HTTP/1.1 requests (bodies up to 3 MiB, the API server's limit) off a connection and
/// writes the app's replies (after any injected delay), keeping the connection alive as the
/// client asks.
final class HTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let app: ServerApp
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private static let maxBody = 3 * 1024 * 1024

    init(app: ServerApp) {
        self.app = app
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(let buffer):
            if body.count <= Self.maxBody { body += buffer.readableBytesView }
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, body: body, context: context)
            body = []
        }
    }

    private func respond(to head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let commonName = (try? context.pipeline.syncOperations.nioSSL_peerCertificate()).flatMap { $0 }.flatMap(Self.commonName)
        let reply = body.count > Self.maxBody
            ? Reply.status(413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(Self.maxBody)")
            : app.reply(method: head.method.rawValue, uri: head.uri, authorization: head.headers.first(name: "Authorization"),
                        accept: head.headers.first(name: "Accept"), certificateCommonName: commonName,
                        contentType: head.headers.first(name: "Content-Type"), userAgent: head.headers.first(name: "User-Agent"), body: body)
        if reply.dropConnection {
            context.close(promise: nil)
            return
        }
        let keepAlive = head.isKeepAlive
        let write = { [self] in self.write(reply, keepAlive: keepAlive, version: head.version, context: context) }
        if reply.delay > .zero {
            let nanos = reply.delay.nanoseconds
            context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanos)) { write() }
        } else {
            write()
        }
    }

    private func write(_ reply: Reply, keepAlive: Bool, version: HTTPVersion, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(reply.headers)
        headers.add(name: "Content-Length", value: String(reply.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: reply.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        if let pacing = reply.pacing {
            writePaced(reply.body, pacing, context: context)
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: reply.body.count)
        buffer.writeBytes(reply.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The subject common name of a client certificate (NIOSSL prints it in the description).
    static func commonName(_ certificate: NIOSSLCertificate) -> String? {
        let text = certificate.description
        guard let range = text.range(of: ";common_name=") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != ";" && $0 != ">" })
    }
}
