import ArgumentParser

/// The `meshdump` command: lists the subcommands and maps errors to exit codes.
@main
struct MeshdumpCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Invocation.commandName,
            abstract: "Export, clean, rewrite, diff, check and apply Istio configuration.",
            discussion: "The rules file syntax: \(Invocation.commandName) help rules.",
            subcommands: [Export.self, Neat.self, Rewrite.self, Diff.self, Check.self, Apply.self, Version.self]
        )
    }

    @OptionGroup var versionFlag: VersionFlag

    /// Runs a command. Usage mistakes exit 2 (not ArgumentParser's 64), as diff(1) and the
    /// other subcommands promise, in the one error style `meshdump: error: …` (`kubectl
    /// meshdump: error: …` as a kubectl plugin); `--help` ends with the subcommand's examples,
    /// as kubectl's help does.
    static func main() async {
        Terminal.reserveStandardStreams()
        SignalCleanup.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["help", "rules"] {
            Terminal.standardOutput.write(RulesHelp.text + "\n")
            Terminal.exit(0)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            SignalCleanup.waitIfTerminating()
        } catch {
            SignalCleanup.waitIfTerminating()
            let code = exitCode(for: error)
            let subcommand = Invocation.subcommand(in: arguments, of: configuration.subcommands)
            if code == .success, let examples = (subcommand as? any HasExamples.Type)?.examplesSection,
               case var help = fullMessage(for: error), help.contains("USAGE:") {
                while help.last == "\n" { help.removeLast() }
                Terminal.standardOutput.write(help + "\n\n" + examples + "\n")
                Terminal.exit(0)
            }
            if code == .validationFailure {
                let name = ([Invocation.commandName] + (subcommand.map { [$0.configuration.commandName ?? ""] } ?? [])).joined(separator: " ")
                Terminal.standardError.write("\(Invocation.commandName): error: \(message(for: error))\nSee '\(name) --help' for usage.\n")
                Terminal.exit(2)
            }
            exit(withError: error)
        }
    }
}
