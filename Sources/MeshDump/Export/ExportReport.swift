import MeshDumpCore

/// What an export did: per source and kind, how many objects in how many namespaces, what was
/// skipped and what failed, and whether the tree was written.
public struct ExportReport: Sendable {
    /// One source's kinds.
    public struct Source: Sendable {
        public var name: String
        public var folder: String?
        public var kinds: [KindReport]
    }

    /// Objects written for one kind of one source.
    public struct Count: Sendable, Equatable {
        public var objects = 0
        public var namespaces: Set<String> = []

        mutating func add(namespace: String) {
            objects += 1
            if !namespace.isEmpty { namespaces.insert(namespace) }
        }
    }

    /// Where the objects went: `data/`, `standard output`.
    public var destination: String
    public var sources: [Source]
    var counts: [KindKey: Count]
    /// Whether the tree on disk is now the new one.
    public var committed = false
    /// Why the tree was kept back although every kind was listed (errors were reported).
    public var rejection: String?

    init(destination: String, sources: [Source], counts: [KindKey: Count]) {
        self.destination = destination
        self.sources = sources
        self.counts = counts
    }

    /// Every asked kind of every source was listed in full, and nothing rejected the tree.
    public var complete: Bool { rejection == nil && !sources.contains { $0.kinds.contains(where: \.failed) } }

    public func count(_ key: KindKey) -> Count {
        counts[key] ?? Count()
    }

    public var totalObjects: Int { counts.values.reduce(0) { $0 + $1.objects } }
    /// Namespaces written to, each source's counted apart (two contexts' `default` are two).
    public var totalNamespaces: Int {
        Set(counts.flatMap { key, count in count.namespaces.map { [key.source, $0] } }).count
    }

    /// The summary printed on stderr: a line per kind, then the outcome.
    public var summary: String {
        var lines: [String] = []
        let width = sources.flatMap(\.kinds).map(\.qualifiedResource.count).max() ?? 0
        for source in sources {
            lines.append("\(source.name)\(source.folder.map { " → \($0)/" } ?? ""):")
            // One line when every kind failed alike (the server could not be reached).
            let messages = Set(source.kinds.compactMap { if case .failed(let m) = $0.outcome { m } else { nil } })
            if source.kinds.count > 1, source.kinds.allSatisfy(\.failed), messages.count == 1 {
                lines.append("  all \(source.kinds.count) kinds FAILED: \(messages.first!)")
                continue
            }
            for kind in source.kinds {
                let name = kind.qualifiedResource.padding(toLength: width)
                switch kind.outcome {
                case .listed(let version):
                    let c = count(KindKey(source: source.name, group: kind.kind.group, kind: kind.kind.kind))
                    lines.append("  \(name)  \(version.padding(toLength: 8))  \(counted(c.objects, "object")) in \(counted(c.namespaces.count, "namespace"))"
                                 + (kind.note.map { " (\($0))" } ?? ""))
                case .skipped(let reason):
                    lines.append("  \(name)  skipped: \(reason)")
                case .failed(let message):
                    lines.append("  \(name)  FAILED: \(message)")
                }
            }
        }
        let failed = counted(sources.flatMap(\.kinds).filter(\.failed).count, "kind")
        let unchanged = destination == "standard output" ? "nothing was printed" : "\(destination) was left as it was"
        if committed {
            lines.append("wrote \(counted(totalObjects, "object")) in \(counted(totalNamespaces, "namespace")) to \(destination)"
                         + (complete ? "" : " (partial: \(failed) failed)"))
        } else if let rejection {
            lines.append("\(rejection); \(unchanged)")
        } else {
            lines.append("\(failed) failed; \(unchanged) (--allow-partial writes what succeeded)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
