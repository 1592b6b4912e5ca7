/// Standard base64 decoding (RFC 4648, padded), as Kubernetes writes Secret data and PEM holds
/// certificates; whitespace is skipped.
enum Base64 {
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = Int8(i)
        }
        return table
    }()

    /// The decoded bytes, or nil when `text` is not base64.
    static func decode(_ text: some Sequence<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        var count = 0
        for c in text {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "="): padding += 1; continue
            default: break
            }
            let value = values[Int(c)]
            guard value >= 0, padding == 0 else { return nil }
            count += 1
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Groups of four characters, the last padded with `=` when it holds one or two bytes.
        guard (count + padding) % 4 == 0, count % 4 != 1, padding == (4 - count % 4) % 4 else { return nil }
        return out
    }
}
