import AsyncHTTPClient
import Synchronization

/// Reads an answer's body to its end within the request's deadline and the size limit.
///
/// AsyncHTTPClient's deadline covers the wait for the answer's head only; a server that sends
/// the head and then stalls, or trickles the body a byte at a time, would hold the request
/// forever. Here the body races the deadline, and the read is cancelled when the deadline wins
/// (which closes the connection).
enum BodyReader {
    static func read(_ body: HTTPClientResponse.Body, limit: Int, expectedLength: Int?,
                     until deadline: ContinuousClock.Instant?) async throws -> [UInt8] {
        let received = ByteCount()
        guard let deadline else { return try await readAll(body, limit: limit, expectedLength: expectedLength, counting: received) }
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await readAll(body, limit: limit, expectedLength: expectedLength, counting: received) }
            group.addTask {
                try await Task.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let bytes = try await group.next() ?? nil else {
                throw BodyDeadlineExceeded(received: received.value.load(ordering: .relaxed), expected: expectedLength)
            }
            return bytes
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
