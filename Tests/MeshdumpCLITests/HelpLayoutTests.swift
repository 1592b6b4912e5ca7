import Foundation
import Testing
import TestSupport

/// Issue 9: `--help` groups options by purpose with placeholders that say what they take.
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
}
