import Synchronization

/// The cluster a running fixture server serves: reads and dry runs take a snapshot (a cheap copy,
/// so a list is consistent however long it takes), writes change it one at a time.
final class ClusterStore: Sendable {
    private let state: Mutex<FixtureCluster>

    init(_ cluster: FixtureCluster) {
        state = Mutex(cluster)
    }

    var snapshot: FixtureCluster { state.withLock { $0 } }

    /// Runs `body` on the cluster with no other write in between. A dry run, which stores
    /// nothing, runs on a snapshot instead and waits for no other write (a real write made
    /// meanwhile copies the part of the store it changes, once).
    func write<T: Sendable>(dryRun: Bool = false, _ body: (inout FixtureCluster) -> T) -> T {
        guard dryRun else { return state.withLock { body(&$0) } }
        var snapshot = self.snapshot
        return body(&snapshot)
    }
}
