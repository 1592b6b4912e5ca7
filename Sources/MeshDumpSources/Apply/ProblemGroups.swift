import MeshDump
import MeshDumpCore

/// Problems many objects share (a kind the target does not serve, a missing namespace), said
/// once each, at the first object with the problem and with how many more have it, instead of
/// once per object.
struct ProblemGroups {
    private var groups: [String: (first: ApplyEntry, more: Int)] = [:]
    private var order: [String] = []

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ message: String, _ entry: ApplyEntry) {
        if groups[message] != nil {
            groups[message]!.more += 1
        } else {
            groups[message] = (entry, 0)
            order.append(message)
        }
    }

    /// One error per problem, in the order first met.
    func report(to diagnostics: any DiagnosticSink) {
        for message in order {
            let (first, more) = groups[message]!
            let others = more == 0 ? "" : " (and \(counted(more, "more object")))"
            diagnostics.report(Diagnostic(.error, "\(first.id): \(message)\(others)", origin: first.origin))
        }
    }
}
