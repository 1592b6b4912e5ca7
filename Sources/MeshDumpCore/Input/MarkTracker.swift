/// Turns byte offsets into line and column marks while moving forward through a buffer, so
/// marking every item of a 100 MB single-line list stays linear.
struct MarkTracker {
    private var offset = 0
    private var line = 1
    private var column = 1

    mutating func mark(at target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        if target < offset { self = MarkTracker() }
        let end = min(target, bytes.count)
        while offset < end {
            let c = bytes[offset]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return Mark(line: line, column: column)
    }
}
