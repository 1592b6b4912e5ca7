import MeshDumpCore

/// The few string helpers MeshDumpKube needs, so it can do without full Foundation (whose ICU
/// tables slow every meshdump command's start).
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    /// `%XX` sequences decoded (as in a URL's user information); nil when one is malformed.
    func removingPercentEscapes() -> String? {
        var bytes: [UInt8] = []
        var it = utf8.makeIterator()
        while let c = it.next() {
            guard c == UInt8(ascii: "%") else {
                bytes.append(c)
                continue
            }
            guard let h = it.next().flatMap(HexDigit.value), let l = it.next().flatMap(HexDigit.value) else { return nil }
            bytes.append(h << 4 | l)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
