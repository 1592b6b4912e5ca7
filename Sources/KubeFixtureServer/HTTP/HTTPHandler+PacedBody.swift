import MeshDumpCore
import NIOCore
import NIOHTTP1

/// How a fault slows an answer's body.
enum BodyPacing: Sendable {
    /// The first `afterBytes` bytes, then nothing: the connection stays open until the client
    /// gives up.
    case stall(afterBytes: Int)
    /// One byte every `interval`.
    case trickle(interval: Duration)
}

extension HTTPHandler {
    /// Writes `body` (after its head) as `pacing` says, on the connection's event loop.
    func writePaced(_ body: [UInt8], _ pacing: BodyPacing, context: ChannelHandlerContext) {
        switch pacing {
        case .stall(let bytes):
            writeBytes(body.prefix(bytes), context: context)
            context.flush()
        case .trickle(let interval):
            let nanos = interval.nanoseconds
            trickle(body[...], every: .nanoseconds(nanos), context: context)
        }
    }

    private func trickle(_ rest: ArraySlice<UInt8>, every interval: TimeAmount, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        guard let byte = rest.first else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        writeBytes([byte], context: context)
        context.flush()
        context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
            trickle(rest.dropFirst(), every: interval, context: context)
        }
    }

    private func writeBytes(_ bytes: some Collection<UInt8>, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
}
