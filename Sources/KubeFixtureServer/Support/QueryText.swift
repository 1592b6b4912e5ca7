import MeshDumpCore

/// A request's query read as Go's `url.ParseQuery` reads it, by hand: Foundation's percent
/// decoding cost the server a tenth of its time per write.
enum QueryText {
    /// The parameters of `query` (the part after `?`): `+` is a space, `%XX` a byte. A part
    /// whose escapes are malformed or not UTF-8 is kept as sent.
    static func parameters(_ query: Substring) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(unescape)
            parameters[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return parameters
    }

    /// `a+b%3Dc` → `a b=c`.
    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: i)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let high = HexDigit.value(utf8[first]), let low = HexDigit.value(utf8[utf8.index(after: first)]) else { return String(text) }
                bytes.append(high << 4 | low)
                i = utf8.index(after: first)
            } else {
                bytes.append(byte)
            }
            i = utf8.index(after: i)
        }
        return String(validating: bytes, as: UTF8.self) ?? String(text)
    }
}
