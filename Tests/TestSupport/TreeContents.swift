import Foundation
import Testing

/// The files of a tree on disk, for golden comparisons.
public enum TreeContents {
    /// Every file below `root` (hidden ones included), as sorted relative paths.
    public static func files(in root: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// Whether two trees hold the same files, byte for byte.
    public static func same(_ a: String, _ b: String) throws -> Bool {
        let files = try files(in: a)
        guard try files == self.files(in: b) else { return false }
        return try files.allSatisfy { file in
            try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(file)")) == Data(contentsOf: URL(fileURLWithPath: "\(b)/\(file)"))
        }
    }

    /// Records an issue unless `actual` holds the same files as `expected`, byte for byte.
    public static func expectSame(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actualFiles = try files(in: actual)
        let expectedFiles = try files(in: expected)
        #expect(actualFiles == expectedFiles, sourceLocation: sourceLocation)
        for file in expectedFiles where actualFiles.contains(file) {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(actual)/\(file)"))
            let e = try Data(contentsOf: URL(fileURLWithPath: "\(expected)/\(file)"))
            #expect(a == e, "\(file) differs:\n\(String(decoding: a, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }
}
