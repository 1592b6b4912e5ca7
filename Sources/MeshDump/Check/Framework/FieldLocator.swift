import Dispatch
import MeshDumpCore
import Synchronization

/// Points findings at the line and column of their field in the object's file.
///
/// Objects are read without field positions (that is what keeps reading fast); a file with
/// findings about fields is read again, once, with every key's position, and each finding
/// moves to its field's key, or to the nearest enclosing field written in the file (a missing
/// `caCertificates` points at its `tls`). Files that cannot be read again, or changed, leave
/// findings at their objects' starts. Files are read again on every core.
public struct FieldLocator: Sendable {
    /// Gives a file's bytes, or nil when it cannot be read.
    public typealias FileReader = @Sendable (String) -> [UInt8]?

    /// Reads files from disk (up to `InputBytes.documentLimit`: findings in a larger file stay
    /// at their objects' starts).
    public static let readFromDisk: FileReader = { path in
        try? InputBytes.readAll(path: path, limit: InputBytes.documentLimit)
    }

    let read: FileReader

    func locate(_ findings: inout [Finding]) {
        var byFile: [String: [Int]] = [:]
        for (i, finding) in findings.enumerated() where finding.field != nil {
            if case .file(let path, _, _) = finding.origin { byFile[path, default: []].append(i) }
        }
        // Files are read again on every core; each worker takes every `workers`-th file.
        let files = Array(byFile)
        let all = findings
        let read = self.read
        let located = Mutex<[(Int, Mark)]>([])
        let workers = min(files.count, 8)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var marks: [(Int, Mark)] = []
            for f in stride(from: worker, to: files.count, by: workers) {
                marks += Self.fieldMarks(of: files[f].value, in: files[f].key, all, read)
            }
            located.withLock { $0 += marks }
        }
        for (i, mark) in located.withLock({ $0 }) { findings[i].position = mark }
    }

    /// Where the fields of `indexes` (findings about objects of the file at `path`) are.
    private static func fieldMarks(of indexes: [Int], in path: String, _ findings: [Finding], _ read: FileReader) -> [(Int, Mark)] {
        guard let bytes = read(path) else { return [] }
        let documents = Set(indexes.compactMap { i -> Int? in
            if case .file(_, let document, _) = findings[i].origin { return document }
            return nil
        })
        let positions = Self.positions(in: bytes, path: path, documents: documents)
        return indexes.compactMap { i in
            guard case .file(_, let document, let mark) = findings[i].origin, let field = findings[i].field,
                let found = positions[document]?.locate(field, objectAt: mark)
            else { return nil }
            return (i, found)
        }
    }

    /// The key and node positions of the wanted documents of a YAML (or JSON) file.
    private static func positions(in bytes: [UInt8], path: String, documents: Set<Int>) -> [Int: DocumentPositions] {
        let reader = YAMLReader(bytes: bytes, source: path, positionDepth: Int.max)
        var found: [Int: DocumentPositions] = [:]
        while found.count < documents.count, let document = try? reader.next() {
            guard documents.contains(document.index) else { continue }
            found[document.index] = DocumentPositions(keys: document.keyPositions ?? [:], nodes: document.positions ?? [:])
        }
        return found
    }
}

/// Where the keys and nodes of one document are.
private struct DocumentPositions {
    var keys: [String: Mark]
    var nodes: [String: Mark]

    /// The position of `field` in the object starting at `mark`: the document itself, or the
    /// item of a List that starts there.
    func locate(_ field: FieldPath, objectAt mark: Mark) -> Mark? {
        var prefix = ""
        if nodes[""] != mark {
            var i = 0
            while let item = nodes["/items/\(i)"] {
                if item == mark { break }
                i += 1
            }
            guard nodes["/items/\(i)"] != nil else { return nil }
            prefix = "/items/\(i)"
        }
        var steps = field.steps[...]
        while !steps.isEmpty {
            guard let pointer = FieldPath(Array(steps)).pointer.map({ prefix + $0.description }) else { return nil }
            if let key = keys[pointer] ?? nodes[pointer] { return key }
            steps.removeLast()
        }
        return nil
    }
}
