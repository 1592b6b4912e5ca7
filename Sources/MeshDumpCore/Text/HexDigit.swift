/// Hexadecimal digits as bytes: reading one (`%2F`, `\u00e9`, `0x1F`) and writing one — the one
/// hex helper (YAML integers, JSON and field-path escapes, URL and file-name percent escapes).
public enum HexDigit {
    /// The value of an ASCII hex digit, either case; nil for any other byte.
    @inline(__always)
    public static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The ASCII digit of a value below 16.
    @inline(__always)
    public static func digit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) + nibble - 10
    }

    /// `value` as exactly `width` hex digits, the low ones (`HexDigit.string(0x1f, width: 4)` is `001f`).
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
