/// A place in an input: 1-based line and column.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// An input that could not be read: names the source, the line and column, and what was expected.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file path, `<stdin>`, or another name for where the bytes came from.
    public var source: String
    public var mark: Mark
    public var message: String

    public init(source: String, mark: Mark, message: String) {
        self.source = source
        self.mark = mark
        self.message = message
    }

    public var description: String { "\(source):\(mark.line):\(mark.column): \(message)" }
}
