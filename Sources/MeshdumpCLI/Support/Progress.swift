import Synchronization

/// A one-line progress display on a terminal, redrawn at most every 100 ms; silent otherwise.
final class Progress: Sendable {
    /// Whether anything is drawn (standard error is a terminal).
    let enabled: Bool
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100) { return false }
            last = now
            return true
        }
        if due { Terminal.standardError.write("\r\u{1B}[K" + text()) }
    }

    func clear() {
        if enabled { Terminal.standardError.write("\r\u{1B}[K") }
    }
}
