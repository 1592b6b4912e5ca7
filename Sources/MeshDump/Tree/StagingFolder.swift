import MeshDumpCore
import Synchronization

/// A tree being built beside its target (`.DIR.meshdump-staging-PID`), and how it is thrown
/// away: on failure, on a signal, or by a later run when its process died.
///
/// Top-level dot entries of the old tree (`.git`, `.gitignore`) are moved into the staging
/// folder just before the swap so they stay with the tree; whoever throws a staging folder away
/// first moves such entries back when the target lacks them, so nothing of the user's is lost
/// whenever the run stops.
struct StagingFolder: Sendable, Hashable {
    /// The staging folder.
    let path: String
    /// The tree it will replace.
    let target: String

    static let infix = ".meshdump-staging-"

    /// `.<base>.meshdump-staging-<pid>` in the target's parent folder.
    init(target: String, parent: String, base: String, pid: Int32) {
        self.target = target
        path = (parent == "/" ? "" : parent) + "/." + base + Self.infix + String(pid)
    }

    init(path: String, target: String) {
        self.path = path
        self.target = target
    }

    /// Moves back what was carried over from the target, then removes the folder. A writer
    /// still adding files finds its folder gone (it was renamed first).
    func discard() {
        for name in (try? FileSystem.entries(path)) ?? [] where name.hasPrefix(".") && name != TreeWriter.markerName {
            if FileKind(path: target + "/" + name, followingLinks: false) == .missing {
                try? FileSystem.rename(path + "/" + name, target + "/" + name)
            }
        }
        let doomed = path + "-discarded"
        if (try? FileSystem.rename(path, doomed)) != nil {
            try? FileSystem.removeTree(doomed)
        } else {
            try? FileSystem.removeTree(path)
        }
    }

    /// Throws away the staging folders of `target` left by processes that no longer run.
    static func discardStale(target: String, parent: String, base: String) {
        let prefix = "." + base + infix
        for name in (try? FileSystem.entries(parent)) ?? [] where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count)
            let pid = Int32(suffix.hasSuffix("-discarded") ? suffix.dropLast("-discarded".count) : suffix)
            guard let pid, !FileSystem.processExists(pid) else { continue }
            StagingFolder(path: (parent == "/" ? "" : parent) + "/" + name, target: target).discard()
        }
    }
}

/// The staging folders this process has open, so a signal can throw them away before exiting.
public enum StagingRegistry {
    private static let open = Mutex<Set<StagingFolder>>([])

    static func add(_ folder: StagingFolder) {
        _ = open.withLock { $0.insert(folder) }
    }

    static func remove(_ folder: StagingFolder) {
        _ = open.withLock { $0.remove(folder) }
    }

    /// Throws away every open staging folder (after SIGINT, SIGTERM or SIGHUP).
    public static func discardAll() {
        for folder in open.withLock({ $0 }) { folder.discard() }
    }
}
