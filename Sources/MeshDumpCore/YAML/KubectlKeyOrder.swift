/// The order kubectl writes mapping keys in YAML.
///
/// kubectl's YAML goes through go-yaml v2, which sorts keys "naturally": letters compare by code
/// point, a non-letter sorts before a letter, and runs of digits compare as numbers (`a9` <
/// `a10`, `8080` < `10000`). This is go-yaml v2's `keyList.Less` for string keys, rune for rune.
public enum KubectlKeyOrder {
    /// A mapping's entries in kubectl's order. Keys are put in byte order first, so the result
    /// never depends on the mapping's own order, even where kubectl's order is not transitive.
    ///
    /// Keys made only of letters and the punctuation below `A` other than digits (`metadata`,
    /// `app.kubernetes.io/name`) sort the same way in both orders, so most mappings need the
    /// byte-order sort alone, or none when the API server already sent them sorted.
    public static func sorted(_ map: Mapping) -> [(key: String, value: Value)] {
        let entries = map.sortedByKey { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard entries.count > 1, !entries.allSatisfy({ sortsAsBytes($0.key) }) else { return entries }
        if entries.allSatisfy({ isASCII($0.key) }) {
            return entries.sorted { asciiLess($0.key, $1.key) }
        }
        return entries.sorted { areInIncreasingOrder($0.key, $1.key) }
    }

    /// Whether a key's place among such keys is the same in kubectl's order and in byte order:
    /// no digits (compared as numbers), nothing between `Z` and `a` (sorted before letters) and
    /// nothing above `z`.
    private static func sortsAsBytes(_ key: String) -> Bool {
        key.utf8.allSatisfy { c in
            (c < 0x30 || (c > 0x39 && c < 0x5B) || (c > 0x60 && c < 0x7B))
        }
    }

    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        if isASCII(a), isASCII(b) { return asciiLess(a, b) }
        return less(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    private static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    private static func asciiLess(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { ua in b.withUTF8 { ub in less(ua, ub) } }
    }

    @inline(__always)
    static func less<C: RandomAccessCollection>(_ a: C, _ b: C) -> Bool
    where C.Index == Int, C.Element: FixedWidthInteger {
        let zero = UInt32(UInt8(ascii: "0"))
        let a = LazyCodePoints(base: a)
        let b = LazyCodePoints(base: b)
        for i in 0..<min(a.count, b.count) {
            if a[i] == b[i] { continue }
            let al = isLetter(a[i])
            let bl = isLetter(b[i])
            if al && bl { return a[i] < b[i] }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if a[i] == zero || b[i] == zero {
                var j = i - 1
                while j >= 0, isDigit(a[j]) {
                    if a[j] != zero {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < a.count, isDigit(a[ai]) {
                an = an &* 10 &+ (Int64(a[ai]) &- Int64(zero))
                ai += 1
            }
            var bi = i
            while bi < b.count, isDigit(b[bi]) {
                bn = bn &* 10 &+ (Int64(b[bi]) &- Int64(zero))
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return a[i] < b[i]
        }
        return a.count < b.count
    }

    /// Code points of a collection of UTF-8 bytes (all ASCII) or of scalar values.
    private struct LazyCodePoints<C: RandomAccessCollection> where C.Index == Int, C.Element: FixedWidthInteger {
        let base: C
        var count: Int { base.count }
        subscript(i: Int) -> UInt32 { UInt32(truncatingIfNeeded: base[base.startIndex + i]) }
    }

    /// Go's `unicode.IsLetter`: general category L.
    private static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }
}
