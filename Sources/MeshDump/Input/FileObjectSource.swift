import MeshDumpCore

/// Objects read from files, directories (recursively) or standard input, in the order the paths
/// were given and, inside a directory, in sorted path order.
public struct FileObjectSource: Sendable {
    public var paths: [String]

    public init(paths: [String]) {
        self.paths = paths
    }

    /// Calls `body` with each object. Any unreadable file or malformed document throws, naming
    /// the file and position.
    public func forEach(_ body: (Object) throws -> Void) throws {
        for path in try InputPaths.expand(paths) {
            let decoder = ObjectDecoder(try InputBytes.read(path: path))
            while let object = try decoder.next() {
                try body(object)
            }
        }
    }

    /// All objects at once, for inputs that fit in memory.
    public func objects() throws -> [Object] {
        var all: [Object] = []
        try forEach { all.append($0) }
        return all
    }
}
