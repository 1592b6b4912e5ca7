import MeshDumpCore

/// Export from `kubectl get -o json|yaml` dumps or trees on disk instead of a cluster (`--from`).
///
/// Files are read one at a time and their objects delivered one by one as they are decoded, so
/// a dump never has to fit in memory as values. Objects of kinds not asked for are left out.
public struct DumpSource: ExportSource {
    public var paths: [String]
    public var name: String { "dumps" }

    public init(paths: [String]) {
        self.paths = paths
    }

    public func export(_ request: ExportRequest,
                       deliver: @escaping @Sendable (Object, String) throws -> Void) async throws -> [KindReport] {
        let layout = TreeLayout()
        var seen: [String: String] = [:]  // qualified resource → apiVersion of the first object
        for path in try InputPaths.expand(paths) {
            let decoder = ObjectDecoder(try InputBytes.read(path: path), dropped: request.droppedFields)
            while let object = try decoder.next() {
                let id = object.id
                guard request.kinds.includes(group: id.group, kind: id.kind) else { continue }
                let resource = layout.resource(of: id)
                let qualified = id.group.isEmpty ? resource : "\(resource).\(id.group)"
                if seen[qualified] == nil { seen[qualified] = object.version }
                try deliver(object, resource)
            }
        }
        var reports: [KindReport] = request.kinds.kinds.map { kind in
            let version = seen.removeValue(forKey: kind.qualifiedResource)
            return KindReport(qualifiedResource: kind.qualifiedResource,
                              outcome: version.map { .exported(version: $0) } ?? .skipped(reason: "not in the dumps"))
        }
        for (qualified, version) in seen.sorted(by: { $0.key < $1.key }) {
            reports.append(KindReport(qualifiedResource: qualified, outcome: .exported(version: version)))
        }
        return reports
    }
}
