import MeshDumpCore
import Synchronization

extension MeshSnapshot {
    /// The snapshot of everything `sources` hold, read in order: an object of a later source
    /// replaces an earlier source's object of the same identity (files given after `cluster:`
    /// overlay it). Kinds a live source listed are held even when it found none of them.
    public static func read(_ sources: [any ObjectSource], request: ReadRequest = ReadRequest(), defaultNamespace: String,
                            now: Int64) async throws -> MeshSnapshot {
        var objects: [Object] = []
        var listed: Set<GroupKind> = []
        for source in sources {
            let read = Mutex<[Object]>([])
            let reports = try await source.read(request) { object in read.withLock { $0.append(object) } }
            objects += read.withLock { $0 }
            guard source.isLive else { continue }
            for report in reports {
                if case .listed = report.outcome { listed.insert(GroupKind(group: report.kind.group, kind: report.kind.kind)) }
            }
        }
        return MeshSnapshot(objects: objects, defaultNamespace: defaultNamespace, listedKinds: listed, now: now)
    }
}
