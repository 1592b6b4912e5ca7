import MeshDumpCore

/// Lists (JSON, a Table when kubectl asks for one, or a `PartialObjectMetadataList` when a
/// metadata client asks for one) and single GETs of stored objects.
struct ListReplies {
    let cluster: FixtureCluster

    struct Query {
        var limit: Int?
        var continueToken: String?
        var labelSelector: String?
        var fieldSelector: String?
        var asTable = false
        var asMetadata = false
    }

    func list(_ type: ResourceType, version: String, namespace: String?, query: Query) -> Reply {
        var labels: LabelSelector? = nil
        let fields: FieldSelector?
        do {
            if let text = query.labelSelector, !text.isEmpty { labels = try LabelSelector(parsing: text) }
        } catch {
            return .badRequest("unable to parse requirement: \(error.reason)")
        }
        do {
            fields = try query.fieldSelector.map { s throws(SelectorError) in try FieldSelector(parsing: s) }
        } catch {
            return .badRequest(error.message)
        }
        let items = cluster.items(type)
        var index = 0
        if let namespace { index = Self.lowerBound(items, Array("\(namespace)/".utf8)) }
        if let text = query.continueToken {
            guard let token = ContinueToken(decoding: text) else {
                return .badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
            }
            index = max(index, Self.lowerBound(items, token.start))
        }
        let limit = query.limit.flatMap { $0 > 0 ? $0 : nil } ?? .max
        // A namespace's objects are contiguous: they end before the first key past "ns/" ("ns0").
        let end = namespace.map { Self.lowerBound(items, Array("\($0)0".utf8)) } ?? items.count
        var page: [StoredObject] = []
        var more = false
        while index < end {
            let object = items[index]
            if labels?.matches({ object.labels[$0] }) ?? true, fields?.matches(namespace: object.namespace, name: object.name) ?? true {
                if page.count == limit { more = true; break }
                page.append(object)
            }
            index += 1
        }
        let remaining = end - index
        var metadata: Value = ["resourceVersion": .string(String(cluster.resourceVersion))]
        if more, let last = page.last {
            metadata["continue"] = .string(ContinueToken(after: last.key, resourceVersion: cluster.resourceVersion).encoded)
            if labels == nil && fields == nil { metadata["remainingItemCount"] = .int(String(remaining)) }
        }
        let apiVersion = type.apiVersion(version)
        if query.asTable { return Reply(body: TableWriter(type: type).table(page, metadata: metadata)) }
        if query.asMetadata {
            let items: [Value] = page.map { ["apiVersion": "meta.k8s.io/v1", "kind": "PartialObjectMetadata", "metadata": $0.metadata] }
            return .json(["apiVersion": "meta.k8s.io/v1", "items": .sequence(items), "kind": "PartialObjectMetadataList", "metadata": metadata])
        }
        var body: [UInt8] = []
        body.reserveCapacity(page.reduce(64) { $0 + $1.bodyWithoutAPIVersion.count + apiVersion.count + 20 })
        body += #"{"apiVersion":"#.utf8
        JSONText.appendString(apiVersion, to: &body)
        body += #","items":["#.utf8
        for (i, object) in page.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            object.json(apiVersion: apiVersion, into: &body)
        }
        body += #"],"kind":"#.utf8
        JSONText.appendString(type.kind + "List", to: &body)
        body += #","metadata":"#.utf8
        body += JSONText.bytes(metadata)
        body.append(UInt8(ascii: "}"))
        return Reply(body: body)
    }

    func get(_ type: ResourceType, version: String, namespace: String?, name: String, asTable: Bool) -> Reply {
        guard let stored = cluster.find(type, namespace: namespace, name: name) else { return .notFound(type, name: name) }
        if asTable {
            return Reply(body: TableWriter(type: type).table([stored], metadata: ["resourceVersion": .string(String(cluster.resourceVersion))]))
        }
        return .object(stored, apiVersion: type.apiVersion(version))
    }

    /// The first index whose key is not before `key`.
    static func lowerBound(_ items: [StoredObject], _ key: [UInt8]) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].key.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
