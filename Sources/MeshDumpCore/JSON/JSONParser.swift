/// A JSON parser over bytes the caller keeps alive.
///
/// Numbers keep their exact text; strings are decoded as Go decodes them (invalid UTF-8 and lone
/// surrogates become U+FFFD); duplicate keys are errors, as in the API server's strict decoding.
/// It reads one value at a time, so a stream of JSON documents works, and it can skip a value
/// without building it (to read a List's items one by one).
struct JSONParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    var pos: Int
    let source: String

    static let depthLimit = 10_000

    init(_ buffer: UnsafeBufferPointer<UInt8>, source: String, position: Int = 0) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        pos = position
        self.source = source
    }

    var atEnd: Bool { pos >= count }

    mutating func skipWhitespace() {
        while pos < count {
            switch base[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    /// The byte at the current position, or nil at the end.
    var current: UInt8? { pos < count ? base[pos] : nil }

    // MARK: - Errors

    func error(_ message: String, at offset: Int? = nil) -> ReadError {
        ReadError(source: source, mark: Self.mark(of: offset ?? pos, in: UnsafeBufferPointer(start: base, count: count)), message: message)
    }

    /// The line and column of a byte offset (columns count characters, as editors do).
    static func mark(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return Mark(line: line, column: column)
    }

    private func describeCurrent() -> String {
        guard let c = current else { return "end of input" }
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x" + HexDigit.string(c, width: 2)
    }

    // MARK: - Values

    /// Parses one value; fields `dropped` names are skipped over, not built.
    mutating func parseValue(depth: Int = 0, dropped: DroppedFields? = nil) throws(ReadError) -> Value {
        skipWhitespace()
        guard let c = current else { throw error("expected a JSON value, found end of input") }
        switch c {
        case UInt8(ascii: "{"): return .mapping(try parseObject(depth: depth, dropped: dropped))
        case UInt8(ascii: "["): return .sequence(try parseArray(depth: depth))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a JSON value, found \(describeCurrent())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(ReadError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= count, memcmp(base + pos, word.utf8Start, n) == 0 else {
            throw error("expected a JSON value, found \(describeCurrent())")
        }
        pos += n
    }

    mutating func parseObject(depth: Int, dropped: DroppedFields? = nil) throws(ReadError) -> Mapping {
        guard depth < Self.depthLimit else { throw error("nesting deeper than \(Self.depthLimit) levels") }
        pos += 1  // {
        var map = Mapping()
        var seen: Set<String>? = nil
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            pos += 1
            return map
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key, found \(describeCurrent())") }
            let keyStart = pos
            let key = try parseString()
            try checkUnique(key, in: map, seen: &seen, at: keyStart)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after a key, found \(describeCurrent())") }
            pos += 1
            let droppedBelow = dropped?.child(key)
            if droppedBelow?.isDropped == true {
                try skipValue()
            } else {
                map.appendUnchecked(key: key, value: try parseValue(depth: depth + 1, dropped: droppedBelow))
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "}"): pos += 1; return map
            default: throw error("expected ',' or '}' in an object, found \(describeCurrent())")
            }
        }
    }

    func checkUnique(_ key: String, in map: Mapping, seen: inout Set<String>?, at offset: Int) throws(ReadError) {
        if map.count < 16 {
            if map.index(forKey: key) != nil { throw error("duplicate key \"\(key)\" in object", at: offset) }
            return
        }
        if seen == nil { seen = Set(map.keys) }
        guard seen!.insert(key).inserted else { throw error("duplicate key \"\(key)\" in object", at: offset) }
    }

    mutating func parseArray(depth: Int) throws(ReadError) -> [Value] {
        guard depth < Self.depthLimit else { throw error("nesting deeper than \(Self.depthLimit) levels") }
        pos += 1  // [
        var items: [Value] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            pos += 1
            return items
        }
        while true {
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"): pos += 1; return items
            default: throw error("expected ',' or ']' in an array, found \(describeCurrent())")
            }
        }
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(ReadError) -> Value {
        let start = pos
        var isFloat = false
        if current == UInt8(ascii: "-") { pos += 1 }
        if current == UInt8(ascii: "0") {
            pos += 1
        } else {
            guard digits() > 0 else { throw error("expected digits in a number", at: pos) }
        }
        if current == UInt8(ascii: ".") {
            isFloat = true
            pos += 1
            guard digits() > 0 else { throw error("expected digits after '.' in a number") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isFloat = true
            pos += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { pos += 1 }
            guard digits() > 0 else { throw error("expected digits in a number's exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        return isFloat ? .float(text) : .int(text)
    }

    private mutating func digits() -> Int {
        let start = pos
        while pos < count, base[pos] >= UInt8(ascii: "0"), base[pos] <= UInt8(ascii: "9") { pos += 1 }
        return pos - start
    }

    // MARK: - Strings

    mutating func parseString() throws(ReadError) -> String {
        pos += 1  // opening quote
        let start = pos
        while pos < count {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if c < 0x20 { throw error("control character in a string must be escaped") }
            pos += 1
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func parseEscapedString(from start: Int) throws(ReadError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pos - start + 32)
        var run = start  // the start of bytes not yet copied
        while pos < count {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + run, count: pos - run))
                pos += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if c < 0x20 { throw error("control character in a string must be escaped") }
            guard c == UInt8(ascii: "\\") else {
                pos += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + run, count: pos - run))
            pos += 1
            guard let e = current else { throw error("unterminated string", at: start - 1) }
            pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"): appendUTF8(try unicodeEscape(), to: &bytes)
            default: throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: pos - 2)
            }
            run = pos
        }
        throw error("unterminated string", at: start - 1)
    }

    /// The scalar of a `\uXXXX` escape (after `\u`), joining surrogate pairs.
    private mutating func unicodeEscape() throws(ReadError) -> UInt32 {
        let high = try hex4()
        guard (0xD800..<0xDC00).contains(high) else {
            return (0xDC00..<0xE000).contains(high) ? 0xFFFD : high
        }
        // A high surrogate must be followed by `\u` and a low surrogate.
        if pos + 1 < count, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") {
            let save = pos
            pos += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            pos = save
        }
        return 0xFFFD
    }

    private mutating func hex4() throws(ReadError) -> UInt32 {
        guard pos + 4 <= count else { throw error("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = HexDigit.value(base[pos]) else { throw error("expected four hex digits after \\u") }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    private func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        bytes.append(contentsOf: UTF8.encode(s)!)
    }

    // MARK: - Skipping

    /// Moves past one value without building it, checking only that brackets and strings close.
    mutating func skipValue() throws(ReadError) {
        skipWhitespace()
        guard let c = current else { throw error("expected a JSON value, found end of input") }
        guard c == UInt8(ascii: "{") || c == UInt8(ascii: "[") else {
            _ = try parseValue()
            return
        }
        var depth = 0
        let start = pos
        while pos < count {
            switch base[pos] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    pos += 1
                    return
                }
            case UInt8(ascii: "\""):
                pos += 1
                while pos < count, base[pos] != UInt8(ascii: "\"") {
                    pos += base[pos] == UInt8(ascii: "\\") ? 2 : 1
                }
            default:
                break
            }
            pos += 1
        }
        throw error("unterminated \(c == UInt8(ascii: "{") ? "object" : "array")", at: start)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
