import ArgumentParser
import MeshDumpKube

extension CompletionKind {
    /// The contexts of the kubeconfig the command line names, for `--context`.
    static var kubeconfigContexts: CompletionKind {
        .custom { words, index, _ in ContextCompletion.contexts(words: words, completing: index) }
    }
}

/// `--context` completion: the contexts of the `--kubeconfig` already typed on the command line,
/// else of the files kubectl would read (`$KUBECONFIG`, then `~/.kube/config`).
enum ContextCompletion {
    static func contexts(words: [String], completing index: Int, environment: Environment = .process) -> [String] {
        let path = kubeconfig(in: words, completing: index, home: environment["HOME"])
        return (try? KubeconfigLoader(explicitPath: path, environment: environment).load().contextNames) ?? []
    }

    /// The last `--kubeconfig PATH` or `--kubeconfig=PATH` before `--`, leaving out the word
    /// being completed. Shell words come verbatim: quotes and backslashes are removed and a
    /// leading `~/` is the home folder, as the shell would when running the command.
    static func kubeconfig(in words: [String], completing index: Int, home: String?) -> String? {
        var path: String?
        var i = 0
        while i < words.count, words[i] != "--" {
            defer { i += 1 }
            guard i != index else { continue }
            if words[i] == "--kubeconfig", i + 1 < words.count, i + 1 != index {
                path = words[i + 1]
                i += 1
            } else if words[i].hasPrefix("--kubeconfig=") {
                path = String(words[i].dropFirst("--kubeconfig=".count))
            }
        }
        return path.map { expanded(unquoted($0), home: home) }
    }

    private static func unquoted(_ word: String) -> String {
        if word.count >= 2, let quote = word.first, quote == "'" || quote == "\"", word.last == quote {
            return String(word.dropFirst().dropLast())
        }
        return word.replacing("\\", with: "")
    }

    private static func expanded(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}
