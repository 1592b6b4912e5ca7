/// Helpers for numbers kept as text.
public enum NumberText {
    /// A canonical spelling of a JSON number's value, for comparisons: sign, significant digits
    /// and exponent (`1.50` and `15e-1` both give `15e-1`; `0` and `-0.0` give `0`). Text that
    /// is not a JSON number (`.inf`, `.nan`) is returned unchanged.
    public static func canonical(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes.removeFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes.removeFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits.append(c)
                if seenPoint { exponent -= 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard let e = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)) else { return text }
                exponent += e
                break
            } else {
                return text
            }
            i += 1
        }
        guard !digits.isEmpty else { return text }
        while let first = digits.first, first == UInt8(ascii: "0") { digits.removeFirst() }
        if digits.isEmpty { return "0" }
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(exponent)
    }

    /// Whether `text` is a number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public static func isJSONNumber(_ text: some StringProtocol) -> Bool {
        var it = text.utf8.makeIterator()
        var c = it.next()
        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 48 && $0 <= 57 } ?? false }
        if c == UInt8(ascii: "-") { c = it.next() }
        if c == UInt8(ascii: "0") {
            c = it.next()
        } else if isDigit(c) {
            while isDigit(c) { c = it.next() }
        } else {
            return false
        }
        if c == UInt8(ascii: ".") {
            c = it.next()
            guard isDigit(c) else { return false }
            while isDigit(c) { c = it.next() }
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
            guard isDigit(c) else { return false }
            while isDigit(c) { c = it.next() }
        }
        return c == nil
    }
}
