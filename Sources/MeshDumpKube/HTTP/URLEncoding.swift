import MeshDumpCore

/// Percent-encoding of the parts of a request URL: every byte but the unreserved characters
/// (`A-Z a-z 0-9 - _ . ~`) becomes `%XX`, as Go's net/url does for query parameters.
enum URLEncoding {
    /// `?a=1&b=x%3Dy` (`url.Values.Encode`: a space becomes `+`).
    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(escape($0.0, space: "+"))=\(escape($0.1, space: "+"))" }.joined(separator: "&")
    }

    /// One path segment: a namespace or object name can never add a segment (`/`), start a query
    /// (`?`) or hide an escape (`%`).
    static func pathSegment(_ text: String) -> String {
        escape(text, space: "%20")
    }

    private static func escape(_ text: String, space: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += space
            default:
                out += "%" + HexDigit.string(byte, width: 2, uppercase: true)
            }
        }
        return out
    }
}
