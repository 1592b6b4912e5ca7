/// A subcommand whose `--help` ends with two or three examples, as kubectl's help does, and
/// whose man page has them too.
protocol HasExamples {
    /// Commented command lines, indented two spaces.
    static var examples: String { get }
}

extension HasExamples {
    /// The examples under their heading, as `--help` ends with them (`MeshdumpCommand.main`).
    static var examplesSection: String { "EXAMPLES:\n" + examples }

    /// The command's discussion `text`. For `--experimental-dump-help`, which is what
    /// swift-argument-parser's generate-manual reads the man pages from, the examples follow
    /// it, so every page has them; `--help` prints them at its end instead.
    static func discussion(_ text: String) -> String {
        guard Invocation.dumpsCommandTree else { return text }
        return text.isEmpty ? examplesSection : text + "\n\n" + examplesSection
    }
}
