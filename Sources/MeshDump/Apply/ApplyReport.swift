import MeshDumpCore

/// What `meshdump apply` did: how the run ended, each object's outcome, and with `--dry-run` the
/// plan as a `meshdump diff` result (live against what would be applied, and what prune would
/// delete).
public struct ApplyReport: Sendable {
    /// How a run ended.
    public enum Result: String, Sendable {
        /// Every object was applied, and pruning (when asked) done.
        case applied
        /// Some objects failed while applying or pruning; the others were applied.
        case failed
        /// Stopped before changing anything (namespaces created by `--create-namespaces` aside): a
        /// kind, version or namespace the target lacks, a takeover, a rejection by the dry run.
        case refused
        /// `--dry-run`: the server accepted every object; nothing was changed.
        case planned
    }

    /// The source as the user named it.
    public var source: String
    /// The target's kubeconfig context.
    public var target: String
    public var dryRun: Bool
    /// The ApplySet applied, when pruning.
    public var applySet: ApplySetParent?
    public var result: Result
    /// Sorted by identity: every object applied and pruned (or planned); after a refusal, the
    /// objects refused.
    public let objects: Objects
    /// `--dry-run`'s plan.
    public var plan: DiffResult?
    /// The namespaces `--create-namespaces` created before the dry run, sorted: the one change
    /// a refused run can have made.
    public var createdNamespaces: [String]
    private let counts: [ApplyOutcome: Int]

    public init(source: String, target: String, dryRun: Bool, applySet: ApplySetParent?, result: Result,
                objects: ApplyEntries, plan: DiffResult? = nil, createdNamespaces: [String] = []) {
        self.source = source
        self.target = target
        self.dryRun = dryRun
        self.applySet = applySet
        self.result = result
        self.objects = Objects(objects)
        self.plan = plan
        self.createdNamespaces = createdNamespaces.sorted()
        var counts: [ApplyOutcome: Int] = [:]
        for entry in objects { if let outcome = entry.outcome { counts[outcome, default: 0] += 1 } }
        self.counts = counts
    }

    /// How many objects ended each way.
    public func count(_ outcome: ApplyOutcome) -> Int {
        counts[outcome] ?? 0
    }

    /// 0 when everything was applied (or, with `--dry-run`, would be), 1 otherwise.
    public var exitCode: Int32 { result == .applied || result == .planned ? 0 : 1 }

    /// `3 created, 1 configured, 1096 unchanged, 2 pruned, 0 failed`
    public var summary: String {
        ApplyOutcome.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// The text output, handed to `write` a piece at a time: a line per object that changed or
    /// failed (`configured VirtualService team-a/reviews`), unchanged ones only counted, then
    /// the summary.
    public func writeText(_ write: ([UInt8]) throws -> Void) rethrows {
        var out = OutputBuffer()
        for object in objects {
            guard let outcome = object.outcome, outcome != .unchanged else { continue }
            out.bytes += "\(outcome.rawValue) \(object.id)".utf8
            if outcome == .failed, let message = object.message { out.bytes += ": \(message)".utf8 }
            out.bytes.append(0x0A)
            try out.flushIfFull(to: write)
        }
        out.bytes += (summary + "\n").utf8
        try out.flush(to: write)
    }

    /// The whole text output as one string.
    public func text() -> String {
        var bytes: [UInt8] = []
        writeText { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ApplyReport {
    /// A report's objects in identity order: the run's entries as they are, read through their
    /// positions sorted (so the report copies none of them).
    public struct Objects: RandomAccessCollection, Sendable {
        private let entries: ApplyEntries
        private let order: [Int32]

        init(_ entries: ApplyEntries) {
            self.entries = entries
            order = entries.indices.map(Int32.init).sorted { entries[Int($0)].id < entries[Int($1)].id }
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { order.count }
        public subscript(position: Int) -> ApplyEntry { entries[Int(order[position])] }
    }
}
