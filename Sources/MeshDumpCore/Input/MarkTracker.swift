#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte offsets into line and column marks while moving forward through an input, so
/// marking every item of a 100 MB single-line list stays linear. Columns count characters (UTF-8
/// lead bytes), as editors and libyaml do.
struct MarkTracker {
    /// The offset the mark is for.
    private(set) var offset: Int
    private(set) var mark: Mark

    init(offset: Int = 0, mark: Mark = Mark(line: 1, column: 1)) {
        self.offset = offset
        self.mark = mark
    }

    /// Moves to `target`, reading the bytes in between from `bytes`, whose first byte is at
    /// offset `start`; `target` must not be behind the tracker, nor past the end of `bytes`.
    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        guard target > offset, let base = bytes.baseAddress else { return }
        var p = base + (offset - start)
        let end = base + (target - start)
        while let newline = memchr(p, 0x0A, end - p) {
            mark.line += 1
            mark.column = 1
            p = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        var continuations = 0
        for byte in UnsafeBufferPointer(start: p, count: end - p) {
            continuations &+= Int(byte & 0xC0 == 0x80 ? 1 : 0)
        }
        mark.column += (end - p) - continuations
        offset = target
    }

    /// The mark at `target` (at or after the tracker) without moving the tracker.
    func mark(at target: Int, in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Mark {
        var copy = self
        copy.advance(to: target, in: bytes, start: start)
        return copy.mark
    }
}
