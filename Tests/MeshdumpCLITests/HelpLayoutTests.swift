import Foundation
import Testing
import TestSupport

/// Issue 9: `--help` groups options by purpose with placeholders that say what they take, and
/// the man pages carry the examples `--help` ends with.
struct HelpLayoutTests {
    /// The section headings of a help text, in order (`WHAT TO EXPORT`, …, `OPTIONS`), each with
    /// its lines.
    static func sections(_ help: String) -> [(title: String, lines: [String])] {
        var sections: [(title: String, lines: [String])] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.wholeMatch(of: /[A-Z][A-Z ]*:/) != nil {
                sections.append((String(line.dropLast()), []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }

    @Test(arguments: [
        ("export", ["WHAT TO EXPORT", "CLUSTER", "OUTPUT", "DEPENDENCIES", "REWRITE"]),
        ("diff", ["WHAT TO COMPARE", "BEFORE COMPARING", "OUTPUT", "CLUSTER"]),
        ("check", ["WHAT TO REPORT", "MESH", "OUTPUT", "CLUSTER"]),
        ("rewrite", ["REWRITE", "OUTPUT", "CLUSTER"]),
        ("apply", ["TARGET", "WHAT TO APPLY", "REWRITE"]),
        ("neat", []),
        ("version", []),
    ])
    func optionsAreGroupedByPurpose(_ command: String, _ groups: [String]) throws {
        let help = try CLI.run([command, "--help"])
        #expect(help.code == 0)
        let sections = Self.sections(help.stdout)
        let titles = sections.map(\.title).filter { $0 != "ARGUMENTS" && $0 != "EXAMPLES" }
        #expect(titles == groups + ["OPTIONS"])
        let options = try #require(sections.first { $0.title == "OPTIONS" }).lines.joined(separator: "\n")
        if ["diff", "check"].contains(command) {
            #expect(options.trimmingCharacters(in: .newlines) == "  -h, --help              Show help information.", "every option is in a group")
        }
        // What a command selects (kinds, namespaces) comes first, with placeholders that say
        // what they take.
        if let first = groups.first, first.hasPrefix("WHAT TO") {
            let selection = try #require(sections.first { $0.title == first }).lines.joined(separator: "\n")
            #expect(selection.contains("  --kinds <kind,...> "))
            #expect(selection.contains("  -n, --namespace <namespace>\n"))
        }
        #expect(!help.stdout.contains("<kinds>") && !help.stdout.contains("<namespaces>"))
    }

    /// generate-manual (scripts/release.sh) writes the man pages from the command tree that
    /// `--experimental-dump-help` prints: each subcommand's discussion there ends with the
    /// examples its `--help` ends with, while `--help` shows them only at its end.
    @Test func manPagesGetTheExamplesHelpEndsWith() throws {
        let dump = try CLI.run(["--experimental-dump-help"])
        #expect(dump.code == 0)
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(tree["command"] as? [String: Any])
        let subcommands = try #require(root["subcommands"] as? [[String: Any]])
        for command in CommandLineHabitsTests.subcommands {
            let node = try #require(subcommands.first { $0["commandName"] as? String == command }, "\(command)")
            let discussion = try #require(node["discussion"] as? String, "\(command)")
            let help = try CLI.run([command, "--help"]).stdout
            let examples = try #require(help.components(separatedBy: "\n\nEXAMPLES:\n").last)
            #expect(discussion.hasSuffix("EXAMPLES:\n" + examples.trimmingCharacters(in: .newlines)), "\(command): \(discussion)")
            #expect(help.components(separatedBy: "EXAMPLES:").count == 2, "\(command): --help has its examples once, at the end")
        }
    }
}
