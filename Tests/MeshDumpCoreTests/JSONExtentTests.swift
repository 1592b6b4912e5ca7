import Testing
@testable import MeshDumpCore

/// Finding where a JSON value ends, in one piece or as the bytes arrive.
struct JSONExtentTests {
    /// Scans `text` from its start, given `cut` bytes first and the rest later.
    func scan(_ text: String, cut: Int) -> JSONExtent.Result {
        let bytes = Array(text.utf8)
        var extent = JSONExtent(at: 0)
        return bytes.withUnsafeBufferPointer { all in
            let first = extent.scan(UnsafeBufferPointer(rebasing: all[..<min(cut, all.count)]), start: 0)
            guard first == .needsMore, cut < all.count else { return first }
            return extent.scan(all, start: 0)
        }
    }

    @Test(arguments: [
        (#"{"a": [1, {"b": "]}"}], "c\"}": 2} tail"#, JSONExtent.Result.end(34)),
        (#""x\\" y"#, .end(5)),
        ("[[[]]] ]", .end(6)),
        ("-12.5e+3,", .end(8)),
        ("true]", .end(4)),
        (#"{"a": [1, 2"#, .needsMore),
        ("[1, \u{1}]", .invalid(4)),
        ("[\"a\u{0}\"]", .invalid(3)),
    ])
    func findsTheEndWhereverTheBytesAreCut(_ text: String, _ expected: JSONExtent.Result) {
        for cut in 0...text.utf8.count {
            #expect(scan(text, cut: cut) == expected, "cut at \(cut)")
        }
    }
}
