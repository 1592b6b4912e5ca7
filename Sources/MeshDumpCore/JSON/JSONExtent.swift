/// Finds where one JSON value ends without building it, in bytes that may arrive in chunks: it
/// scans what is there and, once more has been read, goes on from where it stopped.
///
/// It checks only what it needs to find the end (brackets, strings, escapes); the parser checks
/// the rest. A byte that cannot appear where it is (a control character) ends the scan early, so
/// the parser reports it where it stands instead of the scan running on to the end of the input.
struct JSONExtent {
    /// What a scan found.
    enum Result: Equatable {
        /// The value ends just before this offset.
        case end(Int)
        /// The byte at this offset cannot be part of JSON here.
        case invalid(Int)
        /// The value goes on past the bytes scanned.
        case needsMore
    }

    /// Where scanning goes on.
    private(set) var offset: Int
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var first = true
    private var scalar = false

    /// Starts at `offset`, the value's first byte.
    init(at offset: Int) {
        self.offset = offset
    }

    /// Scans `bytes`, whose first byte is at offset `start`, from where the scan stopped.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Result {
        let count = bytes.count
        var i = offset - start
        defer { offset = start + i }
        guard i < count, let base = bytes.baseAddress else { return .needsMore }
        if first {
            first = false
            switch base[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth = 1
            case UInt8(ascii: "\""): inString = true
            default: scalar = true
            }
            i += 1
        }
        if scalar {
            while i < count {
                guard Self.isScalarByte(base[i]) else { return .end(start + i) }
                i += 1
            }
            return .needsMore
        }
        while i < count {
            if inString {
                if escaped {
                    escaped = false
                    i += 1
                    continue
                }
                while i < count, base[i] != UInt8(ascii: "\""), base[i] != UInt8(ascii: "\\"), base[i] >= 0x20 { i += 1 }
                guard i < count else { break }
                let c = base[i]
                if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c < 0x20 {
                    return .invalid(start + i)
                } else {
                    inString = false
                    if depth == 0 { return .end(start + i + 1) }
                }
                i += 1
                continue
            }
            let c = base[i]
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return .end(start + i + 1) }
            case 0x20, 0x0A, 0x0D, 0x09: break
            default: if c < 0x20 { return .invalid(start + i) }
            }
            i += 1
        }
        return .needsMore
    }

    /// Bytes of numbers and of `true`, `false`, `null` (and of anything the parser will refuse).
    private static func isScalarByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return c >= 0x80
        }
    }
}
