import Foundation
import MeshDumpCore

/// What the server sets on an object it writes for a client.
extension ServerFields {
    /// `object` as stored after a write: a new object gets a uid (one per creation, so a
    /// re-created object is told apart), its creation time, generation 1 and, for namespaces,
    /// their defaults; an update keeps those and moves generation when anything outside
    /// metadata and status changed. `resourceVersion` nil (a dry run) leaves it as it was.
    static func written(_ object: Value, previous: Value?, type: ResourceType, resourceVersion: Int?, uidSeed: Int, now: String) -> Value {
        guard case .mapping(var top) = object, case .mapping(var metadata)? = top["metadata"] else { return object }
        if let previous {
            if type.tracksGeneration, Self.content(object) != Self.content(previous) {
                let generation = previous[path: ["metadata", "generation"]].flatMap { if case .int(let n) = $0 { Int(n) } else { nil } } ?? 0
                metadata["generation"] = .int(String(generation + 1))
            }
        } else {
            let identity = "\(type.group)/\(type.kind)/\(metadata["namespace"]?.stringValue ?? "")/\(metadata["name"]?.stringValue ?? "")"
            metadata["uid"] = .string(uid("\(identity)#\(uidSeed)"))
            metadata["creationTimestamp"] = .string(now)
            if type.tracksGeneration { metadata["generation"] = 1 }
            if type == .namespace { namespaceDefaults(&top, metadata: &metadata) }
        }
        if let resourceVersion { metadata["resourceVersion"] = .string(String(resourceVersion)) }
        top["metadata"] = .mapping(metadata)
        return .mapping(top)
    }

    /// A time as object timestamps write it (`2025-03-14T09:26:53Z`); written out by hand, as a
    /// date formatter costs more to make than a write does.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
        let z = seconds.floorDivided(by: 86400) + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let time = seconds - seconds.floorDivided(by: 86400) * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// Everything generation follows: the object without metadata and status.
    private static func content(_ object: Value) -> Value {
        var content = object
        content["metadata"] = nil
        content["status"] = nil
        return content
    }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int {
        self >= 0 ? self / divisor : (self - divisor + 1) / divisor
    }
}
