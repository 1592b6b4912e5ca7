import MeshDumpCore

/// How names, namespaces and contexts become file and folder names in a tree, reversibly.
///
/// Every legal Kubernetes name is kept as it is. What could not be a file name, would hide the
/// file or would clash with the tree's own entries is percent-encoded: control characters,
/// `%` itself, and a leading `.` or `_` (`_cluster` holds cluster-scoped objects; readers skip
/// dot files). A file name longer than the 255 bytes file systems allow (a 253-byte name plus
/// `.yaml`, or a long name full of escapes) is split into folders of at most 200 bytes:
/// `<first 200 bytes>/<rest>.yaml`; a piece that would start with `.` or `_` (a name such as
/// `aaa….bbb` cut before its dot) has that byte escaped too. Names never contain `/`, so
/// joining the folders and decoding the escapes gives the name back.
public enum TreeNames {
    /// The longest file name most file systems allow, in bytes.
    public static let maximumFileNameBytes = 255
    /// The longest piece a long name is split into.
    static let pieceBytes = 200

    /// `name` as one path component (before any splitting).
    public static func component(_ name: String) -> String {
        var needsEncoding = false
        for (i, byte) in name.utf8.enumerated() where mustEncode(byte, first: i == 0) {
            needsEncoding = true
            break
        }
        guard needsEncoding else { return name }
        var out: [UInt8] = []
        for (i, byte) in name.utf8.enumerated() {
            if mustEncode(byte, first: i == 0) {
                out += [UInt8(ascii: "%"), HexDigit.digit(byte >> 4, uppercase: true), HexDigit.digit(byte & 0xF, uppercase: true)]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The relative path of an object's file from its name: one component, or several folders
    /// when the file name would be too long.
    public static func file(_ name: String, extension ext: String) -> String {
        var pieces: [String] = []
        var rest = Substring(component(name))
        while true {
            let last = leadEscaped(rest)
            if last.utf8.count + 1 + ext.utf8.count <= maximumFileNameBytes { return (pieces + [last + "." + ext]).joined(separator: "/") }
            let cut = boundary(in: rest, atMost: pieceBytes)
            pieces.append(leadEscaped(rest[..<cut]))
            rest = rest[cut...]
        }
    }

    /// A piece of a split name, its first byte escaped when a reader would skip or mistake it
    /// (`.` hides a file, `_` is the tree's own); `component` has done so for the first piece.
    private static func leadEscaped(_ piece: Substring) -> String {
        guard let first = piece.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "_") else { return String(piece) }
        return "%" + String(decoding: [HexDigit.digit(first >> 4, uppercase: true), HexDigit.digit(first & 0xF, uppercase: true)], as: UTF8.self)
            + String(piece.dropFirst())
    }

    /// The name a relative file path (from `file(_:extension:)`) stands for.
    public static func name(ofFile path: String, extension ext: String) -> String {
        var joined = path.split(separator: "/").joined()
        if joined.hasSuffix("." + ext) { joined.removeLast(ext.count + 1) }
        return decode(joined)
    }

    /// Undoes `component`.
    public static func decode(_ component: String) -> String {
        guard component.utf8.contains(UInt8(ascii: "%")) else { return component }
        var bytes: [UInt8] = []
        var utf8 = Array(component.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = HexDigit.value(utf8[utf8.startIndex]),
               let low = HexDigit.value(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func mustEncode(_ byte: UInt8, first: Bool) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "%")
            || (first && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")))
    }

    /// The last index at most `limit` bytes in that splits neither a UTF-8 character nor an
    /// escape.
    private static func boundary(in text: Substring, atMost limit: Int) -> Substring.Index {
        var cut = text.utf8.index(text.startIndex, offsetBy: limit)
        // Back off a UTF-8 character cut in half (continuation bytes are 0b10xxxxxx).
        while cut > text.startIndex && text.utf8[cut] & 0xC0 == 0x80 { cut = text.utf8.index(before: cut) }
        // Back off an escape cut in half (`%` or `%X` just before the cut).
        for back in 1...2 {
            let at = text.utf8.index(cut, offsetBy: -back)
            if at >= text.startIndex, text.utf8[at] == UInt8(ascii: "%") { return at }
        }
        return cut
    }
}
