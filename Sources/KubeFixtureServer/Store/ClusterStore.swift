import Synchronization

/// The cluster a running fixture server serves: reads take a snapshot (a cheap copy, so a list
/// is consistent however long it takes), writes change it one at a time.
final class ClusterStore: Sendable {
    private let state: Mutex<FixtureCluster>

    init(_ cluster: FixtureCluster) {
        state = Mutex(cluster)
    }

    var snapshot: FixtureCluster { state.withLock { $0 } }

    /// Runs `body` on the cluster with no other write in between.
    func write<T: Sendable>(_ body: (inout FixtureCluster) -> T) -> T {
        state.withLock { body(&$0) }
    }
}
