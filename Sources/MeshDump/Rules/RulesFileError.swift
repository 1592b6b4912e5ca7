import MeshDumpCore

/// A rules file that cannot be used: where (file, line, column) and what is wrong. Printed as
/// `file:line:col: message`; commands exit 2 on it, before reading or writing anything.
public struct RulesFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// Where in the file; nil when the file itself could not be read.
    public var mark: Mark?
    public var message: String

    public init(source: String, mark: Mark?, message: String) {
        self.source = source
        self.mark = mark
        self.message = message
    }

    public var description: String {
        guard let mark else { return "\(source): \(message)" }
        return "\(source):\(mark.line):\(mark.column): \(message)"
    }
}
