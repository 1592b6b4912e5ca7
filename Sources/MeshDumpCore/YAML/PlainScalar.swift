/// What an unquoted YAML scalar means to kubectl.
///
/// kubectl reads YAML with go-yaml v2 (through sigs.k8s.io/yaml), which follows YAML 1.1:
/// `yes`/`on`/`off` are booleans, `0755` is octal, `1_000` is an integer, `2024-01-01` is a
/// timestamp (kept as a string, but quoted on output). This reproduces go-yaml v2's `resolve`
/// exactly, so a tree read by meshdump means what it means when applied with kubectl, and so the
/// writer quotes exactly the strings kubectl quotes.
public enum PlainScalar {
    /// The kinds of value a plain scalar resolves to.
    public enum Resolution: Equatable, Sendable {
        case null
        case bool(Bool)
        /// Decimal text of the integer.
        case int(String)
        /// JSON-compatible text of the number, or `.inf`, `-.inf`, `.nan`.
        case float(String)
        /// A YAML 1.1 timestamp: read as a string, but a string that must be quoted on output.
        case timestamp
        case string
    }

    /// Resolves an unquoted scalar as go-yaml v2 does.
    public static func resolve(_ text: String) -> Resolution {
        var copy = text
        return copy.withUTF8 { resolve(bytes: $0) }
    }

    /// Whether kubectl would write `text` as a plain scalar (it resolves to a string and is not a
    /// YAML 1.1 base-60 number); strings that are not plain are quoted.
    public static func isPlainString(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isPlainString(bytes: $0) }
    }

    static func isPlainString(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if hint(first) == 0 { return true }
        return resolve(bytes: bytes) == .string && !isBase60Float(bytes)
    }

    /// The value a plain scalar becomes.
    public static func value(_ text: String) -> Value {
        switch resolve(text) {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let t): .int(t)
        case .float(let t): .float(t)
        case .timestamp, .string: .string(text)
        }
    }

    // MARK: - go-yaml v2 resolve

    private static let sign: UInt8 = 1, digit: UInt8 = 2, inMap: UInt8 = 3, dot: UInt8 = 4

    private static func hint(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): sign
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            inMap
        case UInt8(ascii: "."): dot
        default: 0
        }
    }

    private static let specials: [String: Resolution] = {
        var table: [String: Resolution] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[s] = .bool(true) }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[s] = .bool(false) }
        for s in ["~", "null", "Null", "NULL"] { table[s] = .null }
        for s in [".nan", ".NaN", ".NAN"] { table[s] = .float(".nan") }
        for s in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[s] = .float(".inf") }
        for s in ["-.inf", "-.Inf", "-.INF"] { table[s] = .float("-.inf") }
        return table
    }()

    static func resolve(bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        guard let first = bytes.first else { return .null }
        let h = hint(first)
        if h == 0 { return .string }
        if bytes.count <= 5, let special = specials[String(decoding: bytes, as: UTF8.self)] {
            return special
        }
        switch h {
        case dot:
            return isDotFloat(bytes) ? .float(jsonFloatText(Array(bytes))) : .string
        case sign, digit:
            if isTimestamp(bytes) { return .timestamp }
            let plain = bytes.filter { $0 != UInt8(ascii: "_") }
            if let int = parseGoInteger(plain) { return .int(int) }
            if isYAMLStyleFloat(plain), !overflowsDouble(plain) { return .float(jsonFloatText(plain)) }
            return .string
        default:
            return .string
        }
    }

    /// `^\.[0-9]+([eE][-+]?[0-9]+)?$`: the floats Go's ParseFloat accepts that start with a dot.
    private static func isDotFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 1
        let start = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        guard i > start else { return false }
        return i == b.count || isExponent(b, from: i)
    }

    private static func isExponent(_ b: some RandomAccessCollection<UInt8>, from start: Int) -> Bool {
        let b = Array(b)
        var i = start
        guard i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        return i > digits && i == b.count
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    private static func isYAMLStyleFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s else { return false }
        } else {
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s else { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, isDigit(b[i]) { i += 1 }
            }
        }
        return i == b.count || isExponent(b, from: i)
    }

    private static func overflowsDouble(_ b: [UInt8]) -> Bool {
        guard let d = Double(String(decoding: b, as: UTF8.self)) else { return true }
        return !d.isFinite
    }

    /// The JSON spelling of a YAML 1.1 float: `+1.5` → `1.5`, `.5` → `0.5`, `1.` → `1.0`, `08` → `8`.
    static func jsonFloatText(_ b: [UInt8]) -> String {
        let text = String(decoding: b, as: UTF8.self)
        if NumberText.isJSONNumber(text) { return text }
        var i = 0
        var out = ""
        if b.first == UInt8(ascii: "-") { out = "-"; i = 1 } else if b.first == UInt8(ascii: "+") { i = 1 }
        var intPart = ""
        while i < b.count, isDigit(b[i]) { intPart.append(Character(Unicode.Scalar(b[i]))); i += 1 }
        while intPart.count > 1, intPart.first == "0" { intPart.removeFirst() }
        out += intPart.isEmpty ? "0" : intPart
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var frac = ""
            while i < b.count, isDigit(b[i]) { frac.append(Character(Unicode.Scalar(b[i]))); i += 1 }
            out += "." + (frac.isEmpty ? "0" : frac)
        }
        out += String(decoding: b[i...], as: UTF8.self)
        return out
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`, then `ParseUint(s, 0, 64)`: decimal text of the value,
    /// or nil when neither accepts it.
    static func parseGoInteger(_ b: [UInt8]) -> String? {
        var i = 0
        var negative = false
        var signed = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            signed = true
            i += 1
        }
        var base: UInt64 = 10
        if i + 1 < b.count, b[i] == UInt8(ascii: "0") {
            switch b[i + 1] | 0x20 {
            case UInt8(ascii: "x"): base = 16; i += 2
            case UInt8(ascii: "b"): base = 2; i += 2
            case UInt8(ascii: "o"): base = 8; i += 2
            default: base = 8; i += 1
            }
        }
        guard i < b.count else { return nil }
        var magnitude: UInt64 = 0
        while i < b.count {
            guard let digit = HexDigit.value(b[i]), UInt64(digit) < base else { return nil }
            let d = UInt64(digit)
            let (m, o1) = magnitude.multipliedReportingOverflow(by: base)
            let (s, o2) = m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            magnitude = s
            i += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == 0 ? "0" : "-" + String(magnitude)
        }
        // ParseInt accepts up to Int64.max with or without '+'; ParseUint takes the rest unsigned only.
        if magnitude > UInt64(Int64.max) && signed { return nil }
        return String(magnitude)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    // MARK: - Timestamps (go-yaml v2 parseTimestamp)

    /// One of go-yaml v2's timestamp layouts: `2006-1-2`, `2006-1-2 15:4:5.999999999` or
    /// `2006-1-2T15:4:5.999999999Z07:00` (also with a lower-case `t`), with Go's range checks.
    static func isTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func number(maxDigits: Int) -> Int? {
            let s = i
            var n = 0
            while i < b.count, i - s < maxDigits, isDigit(b[i]) {
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
                i += 1
            }
            return i > s ? n : nil
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(maxDigits: 4), i == 4, expect(UInt8(ascii: "-")),
            let month = number(maxDigits: 2), (1...12).contains(month), expect(UInt8(ascii: "-")),
            let day = number(maxDigits: 2), day >= 1, day <= daysIn(month: month, year: year)
        else { return false }
        if i == b.count { return true }
        let separator = b[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return false }
        i += 1
        guard let hour = number(maxDigits: 2), hour < 24, expect(UInt8(ascii: ":")),
            let minute = number(maxDigits: 2), minute < 60, expect(UInt8(ascii: ":")),
            let second = number(maxDigits: 2), second < 60
        else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s else { return false }
        }
        if separator == UInt8(ascii: " ") { return i == b.count }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        let zone = i
        guard let zoneHour = number(maxDigits: 2), i == zone + 2, zoneHour <= 24, expect(UInt8(ascii: ":"))
        else { return false }
        let zoneMinutes = i
        guard let zoneMinute = number(maxDigits: 2), i == zoneMinutes + 2, zoneMinute <= 60 else { return false }
        return i == b.count
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: - Base 60

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1 sexagesimal numbers, which
    /// go-yaml v2 reads as strings but quotes on output for older parsers.
    static func isBase60Float(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first),
            b.contains(UInt8(ascii: ":"))
        else { return false }
        var i = 0
        if !isDigit(first) { i = 1 }
        guard i < b.count, isDigit(b[i]) else { return false }
        i += 1
        while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]
            if i + 1 < b.count, (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(b[i]), isDigit(b[i + 1]) {
                i += 2
            } else if i < b.count, isDigit(b[i]) {
                i += 1
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == b.count
    }
}
