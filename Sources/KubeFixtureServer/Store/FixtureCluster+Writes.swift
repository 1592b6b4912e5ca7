import MeshDumpCore

/// The store's side of writes: finding, putting and removing one object in list order.
extension FixtureCluster {
    /// The object `namespace/name` of `type` (`namespace` nil for cluster-scoped types).
    func find(_ type: ResourceType, namespace: String?, name: String) -> StoredObject? {
        let items = objects[type.id] ?? []
        let key = Self.key(namespace: namespace, name: name)
        let i = ListReplies.lowerBound(items, key)
        return i < items.count && items[i].key == key ? items[i] : nil
    }

    /// Stores `object`, replacing the one with its key.
    mutating func put(_ object: StoredObject, type: ResourceType) {
        let i = ListReplies.lowerBound(objects[type.id] ?? [], object.key)
        if let existing = objects[type.id], i < existing.count, existing[i].key == object.key {
            objects[type.id]![i] = object
        } else {
            objects[type.id, default: []].insert(object, at: i)
        }
    }

    /// Removes `namespace/name` of `type`; a namespace takes the objects in it along.
    mutating func remove(_ type: ResourceType, namespace: String?, name: String) {
        let key = Self.key(namespace: namespace, name: name)
        let i = ListReplies.lowerBound(objects[type.id] ?? [], key)
        if let existing = objects[type.id], i < existing.count, existing[i].key == key { objects[type.id]!.remove(at: i) }
        if type == .namespace {
            for id in objects.keys { objects[id]!.removeAll { $0.namespace == name } }
        }
    }

    /// The resourceVersion of a new write.
    mutating func nextResourceVersion() -> Int {
        resourceVersion += 1
        return resourceVersion
    }

    private static func key(namespace: String?, name: String) -> [UInt8] {
        Array((namespace.map { "\($0)/" } ?? "").utf8) + Array(name.utf8)
    }
}
