import ArgumentParser

/// The `meshdump` command: lists the subcommands and maps errors to exit codes.
@main
struct MeshdumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshdump",
        abstract: "Export, clean, rewrite and diff Istio configuration.",
        subcommands: [Export.self, Neat.self, Rewrite.self, Diff.self, Version.self]
    )

    @OptionGroup var versionFlag: VersionFlag

    /// Runs a command; usage mistakes exit 2 (not ArgumentParser's 64), as diff(1) and the other
    /// subcommands promise.
    static func main() async {
        Terminal.reserveStandardStreams()
        SignalCleanup.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            SignalCleanup.waitIfTerminating()
        } catch {
            SignalCleanup.waitIfTerminating()
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.standardError.write(fullMessage(for: error) + "\n")
                Terminal.exit(2)
            }
            exit(withError: error)
        }
    }
}
