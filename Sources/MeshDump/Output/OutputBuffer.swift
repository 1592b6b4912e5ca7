/// Output on its way to a writer, handed on 64 KiB at a time, so a long report never has to be
/// in memory whole.
struct OutputBuffer {
    var bytes: [UInt8] = []

    /// Hands the bytes on once there are 64 KiB of them.
    mutating func flushIfFull(to write: ([UInt8]) throws -> Void) rethrows {
        if bytes.count >= 1 << 16 { try flush(to: write) }
    }

    /// Hands on whatever is buffered.
    mutating func flush(to write: ([UInt8]) throws -> Void) rethrows {
        guard !bytes.isEmpty else { return }
        try write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
