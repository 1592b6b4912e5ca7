import MeshDumpCore

extension MessageType {
    /// IST0177: ServiceEntries visible together give one host and port different protocols.
    public static let conflictingServiceEntryProtocol = MessageType(
        name: "ConflictingServiceEntryProtocol", code: "IST0177", severity: .warning,
        description: "Multiple ServiceEntries define the same host and port with conflicting protocols.")
}

/// `serviceentry.ConflictingServiceEntryProtocolAnalyzer`: ServiceEntries exported to a common
/// namespace (or everywhere) define one host and port with different protocols.
public struct ConflictingServiceEntryProtocolAnalyzer: Analyzer {
    public init() {}

    public var name: String { "serviceentry.ConflictingServiceEntryProtocolAnalyzer" }
    public var messages: [MessageType] { [.conflictingServiceEntryProtocol] }

    /// A host and port as seen from one scope: a namespace, or `*` for every namespace.
    private struct Key: Hashable, Comparable {
        var scope: String
        var host: String
        var port: Int

        static func < (a: Key, b: Key) -> Bool { (a.scope, a.host, a.port) < (b.scope, b.host, b.port) }
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var index: [Key: [(protocol: String, entry: SnapshotObject)]] = [:]
        for entry in snapshot.objects(.serviceEntry) {
            let hosts = (entry.spec["hosts"]?.sequenceValue ?? []).compactMap(\.scalarText)
            let ports = entry.spec["ports"]?.sequenceValue ?? []
            for scope in Self.scopes(entry) {
                for host in hosts {
                    for port in ports {
                        let number = port["number"]?.scalarText.flatMap { Int($0) } ?? 0
                        index[Key(scope: scope, host: host, port: number), default: []].append((port["protocol"]?.scalarText ?? "", entry))
                    }
                }
            }
        }
        var reported: Set<ObjectID> = []
        for key in index.keys.sorted() {
            var entries = index[key]!
            if key.scope != "*" { entries += index[Key(scope: "*", host: key.host, port: key.port)] ?? [] }
            let protocols = Set(entries.map { $0.protocol.uppercased() })
            guard protocols.count > 1 else { continue }
            var seen: Set<String> = []
            let names = entries.map(\.entry.fullName).filter { seen.insert($0).inserted }.sorted()
            for (_, entry) in entries where reported.insert(entry.id).inserted {
                report.add(.conflictingServiceEntryProtocol, entry, field: FieldPath("metadata", "name"),
                           "Multiple ServiceEntries (\(names.joined(separator: ", "))) define the same host \(GoFormat.quoted(key.host)) and port \(key.port) with conflicting protocols (\(protocols.sorted().joined(separator: ", "))). Give the port one protocol in all of them, or export them to different namespaces.")
            }
        }
    }

    /// Where a ServiceEntry is visible: `*` when exported everywhere (no exportTo, or `*`),
    /// else each namespace it names (`.` is its own).
    private static func scopes(_ entry: SnapshotObject) -> Set<String> {
        let exportTo = (entry.spec["exportTo"]?.sequenceValue ?? []).compactMap(\.scalarText)
        if exportTo.isEmpty || exportTo.contains("*") { return ["*"] }
        return Set(exportTo.map { $0 == "." ? entry.namespace : $0 })
    }
}
