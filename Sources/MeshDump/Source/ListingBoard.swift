import MeshDumpCore
import Synchronization

/// What a progress line says while kinds are listed: kinds done of those served, objects so far,
/// each kind being listed with its count of the total the server announced, and, for a run long
/// enough to need one, an estimate of the time left.
///
/// `exporting: 3 of 11 kinds, 12500 objects; virtualservices 1200 of 11000, gateways 300; about 4 s left`
///
/// The estimate is given only when every kind still to come is being listed and has a total:
/// kinds not started yet say nothing of their size, and no estimate beats a wrong one.
public final class ListingBoard: Sendable {
    private struct State {
        var kinds: [Kind: ListingProgress] = [:]
        var written: Int?
    }

    private let verb: String
    private let start: ContinuousClock.Instant
    private let state = Mutex(State())
    /// Runs shorter than this get no estimate.
    static let estimateAfter: Duration = .seconds(2)

    /// `verb` starts the line (`exporting`); `start` is when the run began.
    public init(verb: String, start: ContinuousClock.Instant = .now) {
        self.verb = verb
        self.start = start
    }

    /// A kind's progress changed.
    public func record(_ progress: ListingProgress) {
        state.withLock { $0.kinds[progress.kind] = progress }
    }

    /// `count` objects have been written so far (a sink that writes says so; the line then
    /// counts written objects rather than received ones).
    public func written(_ count: Int) {
        state.withLock { $0.written = count }
    }

    /// The line as of `now`.
    public func line(at now: ContinuousClock.Instant = .now) -> String {
        let (kinds, written) = state.withLock { ($0.kinds.values.sorted { $0.kind.qualifiedResource < $1.kind.qualifiedResource }, $0.written) }
        let received = kinds.reduce(0) { $0 + $1.received }
        var parts: [String] = []
        var head = "\(verb):"
        if !kinds.isEmpty { head += " \(kinds.count { $0.state == .done }) of \(counted(kinds.count, "kind"))," }
        head += written.map { " \(counted($0, "object")) written" } ?? " \(counted(received, "object"))"
        parts.append(head)
        let listing = kinds.filter { $0.state == .listing }
        if !listing.isEmpty {
            let shown = listing.prefix(2).map { kind in
                kind.kind.resource + " \(kind.received)" + (kind.announced.map { " of \($0)" } ?? "")
            }
            parts.append(shown.joined(separator: ", ") + (listing.count > 2 ? ", \(listing.count - 2) more" : ""))
        }
        if let left = estimate(kinds, received: received, elapsed: now - start) { parts.append("about \(left) left") }
        return parts.joined(separator: "; ")
    }

    /// The time left at the rate so far, when every kind not done has a total.
    private func estimate(_ kinds: [ListingProgress], received: Int, elapsed: Duration) -> String? {
        guard elapsed >= Self.estimateAfter, received > 0 else { return nil }
        var remaining = 0
        for kind in kinds where kind.state != .done {
            guard kind.state == .listing, let announced = kind.announced else { return nil }
            remaining += max(announced - kind.received, 0)
        }
        guard remaining > 0 else { return nil }
        let seconds = Int((Double(remaining) * elapsed.seconds / Double(received)).rounded(.up))
        return seconds < 90 ? "\(max(seconds, 1)) s" : "\((seconds + 30) / 60) min"
    }
}
