import AsyncHTTPClient
import NIOCore
import Synchronization

/// Reads an answer's body to its end within the request's deadline and the size limit.
///
/// AsyncHTTPClient's deadline covers the wait for the answer's head only; a server that sends
/// the head and then stalls, or trickles the body a byte at a time, would hold the request
/// forever. Here a timer on `eventLoop` cancels the read when the deadline passes (which
/// closes the connection), and is itself cancelled, and freed, as soon as the body is in. (Not
/// `Task.sleep`: a cancelled sleep keeps its timer, and the task's memory, until the deadline,
/// so a client sending thousands of requests a second held a minute of them.)
enum BodyReader {
    static func read(_ body: HTTPClientResponse.Body, limit: Int, expectedLength: Int?,
                     until deadline: NIODeadline?, on eventLoop: any EventLoop) async throws -> [UInt8] {
        let received = ByteCount()
        guard let deadline else { return try await readAll(body, limit: limit, expectedLength: expectedLength, counting: received) }
        let reader = Task { try await readAll(body, limit: limit, expectedLength: expectedLength, counting: received) }
        let expired = Atomic<Bool>(false)
        let timer = eventLoop.scheduleTask(deadline: deadline) {
            expired.store(true, ordering: .relaxed)
            reader.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler { try await reader.value } onCancel: { reader.cancel() }
        } catch where expired.load(ordering: .relaxed) {
            throw BodyDeadlineExceeded(received: received.value.load(ordering: .relaxed), expected: expectedLength)
        }
    }

    private static func readAll(_ body: HTTPClientResponse.Body, limit: Int, expectedLength: Int?,
                                counting received: ByteCount) async throws -> [UInt8] {
        if let expectedLength, expectedLength > limit { throw ResponseTooLarge(limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expectedLength ?? 0)
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else { throw ResponseTooLarge(limit: limit) }
            bytes.append(contentsOf: chunk.readableBytesView)
            received.value.store(bytes.count, ordering: .relaxed)
        }
        return bytes
    }

    /// The body bytes read so far, for the message when the deadline passes.
    private final class ByteCount: Sendable {
        let value = Atomic<Int>(0)
    }
}

/// The body did not arrive whole before the request's deadline.
struct BodyDeadlineExceeded: Error {
    var received: Int
    var expected: Int?
}

/// The answer is larger than `ClientOptions.maxResponseBytes`.
struct ResponseTooLarge: Error {
    var limit: Int
}
