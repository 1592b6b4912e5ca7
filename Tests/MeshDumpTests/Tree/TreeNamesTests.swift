import Testing
@testable import MeshDump

/// Names as file names: every legal name as it is, everything else escaped or split, and
/// always reversible.
struct TreeNamesTests {
    @Test(arguments: [
        ("reviews", "reviews"),
        ("reviews.v1-canary", "reviews.v1-canary"),
        ("Ünïcode", "Ünïcode"),
        (".meshdump", "%2Emeshdump"),
        ("_cluster", "%5Fcluster"),
        ("a_b.c", "a_b.c"),
        ("100%", "100%25"),
        ("line\nbreak\ttab", "line%0Abreak%09tab"),
        ("del\u{7F}", "del%7F"),
    ])
    func components(name: String, component: String) {
        #expect(TreeNames.component(name) == component)
        #expect(TreeNames.decode(component) == name)
    }

    /// Issue 11: a legal 253-byte name made a 258-byte file name and failed the export.
    @Test func aLongNameIsSplitIntoFoldersAndReadBack() {
        let name = String(repeating: "a", count: 250) + ".xyz"
        let path = TreeNames.file(name, extension: "yaml")
        #expect(path == String(repeating: "a", count: 200) + "/" + String(repeating: "a", count: 50) + ".xyz.yaml")
        #expect(path.split(separator: "/").allSatisfy { $0.utf8.count <= TreeNames.maximumFileNameBytes })
        #expect(TreeNames.name(ofFile: path, extension: "yaml") == name)
    }

    /// Issue 11 (found again by an audit): a legal name cut just before a `.` gave a folder
    /// `.bbb…` that every reader skips, so the object was never read back.
    @Test func noPieceOfASplitNameStartsWithADotOrAnUnderscore() {
        for (name, pieces) in [(String(repeating: "a", count: 200) + "." + String(repeating: "b", count: 52),
                                [String(repeating: "a", count: 200), "%2E" + String(repeating: "b", count: 52) + ".yaml"]),
                               (String(repeating: "a", count: 200) + "_" + String(repeating: "b", count: 52),
                                [String(repeating: "a", count: 200), "%5F" + String(repeating: "b", count: 52) + ".yaml"]),
                               (String(repeating: "a", count: 200) + String(repeating: ".", count: 53),
                                [String(repeating: "a", count: 200), "%2E" + String(repeating: ".", count: 52) + ".yaml"])] {
            let path = TreeNames.file(name, extension: "yaml")
            #expect(path.split(separator: "/").map(String.init) == pieces)
            #expect(TreeNames.name(ofFile: path, extension: "yaml") == name)
        }
        // The escape lengthens the last piece past the limit: it is split once more.
        let name = String(repeating: "a", count: 200) + "." + String(repeating: "b", count: 248)
        let path = TreeNames.file(name, extension: "yaml")
        #expect(path.split(separator: "/").allSatisfy { $0.utf8.count <= TreeNames.maximumFileNameBytes && !$0.hasPrefix(".") })
        #expect(TreeNames.name(ofFile: path, extension: "yaml") == name)
    }

    @Test func splittingNeverCutsACharacterOrAnEscape() {
        for name in [String(repeating: "é", count: 126), String(repeating: "\n", count: 120), "x" + String(repeating: "é\n", count: 80)] {
            let path = TreeNames.file(name, extension: "yaml")
            let pieces = path.split(separator: "/")
            #expect(pieces.allSatisfy { $0.utf8.count <= TreeNames.maximumFileNameBytes })
            #expect(pieces.dropLast().allSatisfy { !$0.hasSuffix("%") && !$0.dropLast().hasSuffix("%") })
            #expect(TreeNames.name(ofFile: path, extension: "yaml") == name)
        }
    }

    @Test func aShortNameIsOneFile() {
        #expect(TreeNames.file("reviews", extension: "json") == "reviews.json")
    }
}
