/// Hexadecimal digits, read and written one way everywhere: `\uXXXX` escapes in JSON and in
/// field paths, `%XX` in URLs and queries, `0x` integers in YAML.
public enum Hex {
    /// The value of an ASCII hex digit (`0`–`9`, `a`–`f`, `A`–`F`), or nil.
    @inlinable
    public static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The ASCII digit of `value` (below 16), lowercase unless asked.
    @inlinable
    public static func digit(_ value: UInt8, uppercase: Bool = false) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) + value - 10
    }

    /// `value` as exactly `width` hex digits, the low ones (`Hex.string(0x1f, width: 4)` is `001f`).
    public static func string(_ value: some BinaryInteger, width: Int, uppercase: Bool = false) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            bytes[i] = digit(UInt8(truncatingIfNeeded: rest & 0xF), uppercase: uppercase)
            rest >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
