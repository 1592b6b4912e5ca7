import ArgumentParser

/// `meshdump version`, `meshdump --version` and `meshdump -V`: the version and the git commit the
/// binary was built from, as `meshdump 0.1.0 (commit 9e89568)`.
struct Version: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print meshdump's version and the git commit it was built from.",
        discussion: discussion("")
    )

    static let examples = """
          # The version and the commit this binary was built from, for a bug report
          meshdump version

          # Only the version number, for a script
          meshdump version | awk '{print $2}'
        """

    /// The release number; `scripts/release.sh` names the archive after it.
    static let number = "0.1.0"

    /// What every spelling of the command prints; `BuildCommit` is written by Plugins/GitCommit.
    static var text: String { "meshdump \(number) (commit \(BuildCommit.id))" }

    func run() {
        Terminal.standardOutput.write(Self.text + "\n")
    }
}

/// `-V, --version` on `meshdump` itself.
struct VersionFlag: ParsableArguments {
    @Flag(name: [.customShort("V"), .long], help: "Print the version and the git commit it was built from.")
    var version = false
}

extension MeshdumpCommand {
    /// `meshdump -V` prints the version; `meshdump` alone prints the help.
    func run() async throws {
        guard versionFlag.version else { throw CleanExit.helpRequest(self) }
        try Version().run()
    }
}
