#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// How meshdump was called: as `meshdump`, or through a `kubectl-meshdump` link as a kubectl
/// plugin (`kubectl meshdump export …`), which its help and usage lines then say.
enum Invocation {
    static let commandName: String = {
        let program = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
        return program == "kubectl-meshdump" ? "kubectl meshdump" : "meshdump"
    }()

    /// Whether this run prints the command tree as JSON (`--experimental-dump-help`) for
    /// swift-argument-parser's generate-manual, which makes the man pages from it.
    static let dumpsCommandTree = CommandLine.arguments.contains("--experimental-dump-help")

    /// The subcommand the arguments name (after `help`, or first), if any.
    static func subcommand(in arguments: [String], of subcommands: [any ParsableCommand.Type]) -> (any ParsableCommand.Type)? {
        for argument in arguments where !argument.hasPrefix("-") {
            if argument == "help" { continue }
            return subcommands.first { $0.configuration.commandName == argument }
        }
        return nil
    }
}
