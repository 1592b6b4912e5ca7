import MeshDumpCore

/// Server-side apply (PATCH), create (POST) and delete (DELETE) on the store, answered as the
/// API server answers them. Every write honours `dryRun=All`: checked and answered as if done,
/// nothing stored. See `ServerSideApply` for how apply merges.
struct WriteReplies {
    let store: ClusterStore
    /// Timestamps of this request's writes.
    let now: String

    func apply(_ type: ResourceType, version: String, namespace: String?, name: String, request: WriteRequest) -> Reply {
        guard request.contentType.hasPrefix("application/apply-patch+yaml") else { return .unsupportedMediaType(accepted: "application/apply-patch+yaml") }
        guard let manager = request.fieldManager else {
            return .invalid("PatchOptions.meta.k8s.io", name: "", field: "fieldManager", detail: "Required value: is required for apply patch",
                            causeReason: "FieldValueRequired")
        }
        let applied: Value
        do { applied = try request.object(type, version: version, namespace: namespace, name: name) } catch { return error.reply }
        let apiVersion = type.apiVersion(version)
        return store.write(dryRun: request.dryRun) { cluster in
            if let refusal = Self.missingNamespace(namespace, in: cluster) { return refusal }
            let existing = cluster.find(type, namespace: namespace, name: name)
            let live = existing?.value(apiVersion: apiVersion)
            if let live, let wanted = applied[path: ["metadata", "resourceVersion"]]?.stringValue,
               wanted != live[path: ["metadata", "resourceVersion"]]?.stringValue {
                return .conflict(type, name: name, Reply.modified)
            }
            var base: Value = ["apiVersion": .string(apiVersion), "kind": .string(type.kind), "metadata": ["name": .string(name)]]
            if let namespace { base["metadata"]?["namespace"] = .string(namespace) }
            var merged: Value
            do {
                merged = try ServerSideApply(manager: manager, force: request.force, now: now).apply(applied, to: live, base: base)
            } catch let refused as ServerSideApply.Conflicts {
                return .applyConflicts(refused.conflicts)
            } catch {
                return .badRequest("\(error)")
            }
            merged["apiVersion"] = .string(apiVersion)
            if let existing, merged == live { return .object(existing, apiVersion: apiVersion) }
            return finishAndStore(merged, previous: live, type: type, apiVersion: apiVersion, dryRun: request.dryRun, in: &cluster)
        }
    }

    func create(_ type: ResourceType, version: String, namespace: String?, request: WriteRequest) -> Reply {
        var object: Value
        do { object = try request.object(type, version: version, namespace: namespace, name: nil) } catch { return error.reply }
        let apiVersion = type.apiVersion(version)
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        return store.write(dryRun: request.dryRun) { cluster in
            if let refusal = Self.missingNamespace(namespace, in: cluster) { return refusal }
            if cluster.find(type, namespace: namespace, name: name) != nil { return .alreadyExists(type, name: name) }
            for key in ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"] { object["metadata"]?[key] = nil }
            object["status"] = nil
            let entry = ManagedFields.updateEntry(manager: request.managerOrUserAgent, object: object,
                                                  metadata: object["metadata"]?.mappingValue ?? Mapping(), apiVersion: apiVersion, time: now)
            object["metadata"]?["managedFields"] = [entry]
            return finishAndStore(object, previous: nil, type: type, apiVersion: apiVersion, dryRun: request.dryRun, in: &cluster)
        }
    }

    /// Deletes at once (no finalizers or grace periods; a namespace takes its objects along),
    /// after checking the DeleteOptions preconditions.
    func delete(_ type: ResourceType, namespace: String?, name: String, request: WriteRequest, options: DeleteBody) -> Reply {
        store.write(dryRun: request.dryRun || options.dryRun) { cluster in
            guard let existing = cluster.find(type, namespace: namespace, name: name) else { return .notFound(type, name: name) }
            let uid = existing.metadata["uid"]?.stringValue ?? ""
            let resourceVersion = existing.metadata["resourceVersion"]?.stringValue ?? ""
            if let wanted = options.uid, wanted != uid {
                return .conflict(type, name: name, "Precondition failed: UID in precondition: \(wanted), UID in object meta: \(uid)")
            }
            if let wanted = options.resourceVersion, wanted != resourceVersion {
                return .conflict(type, name: name, "Precondition failed: ResourceVersion in precondition: \(wanted), ResourceVersion in object meta: \(resourceVersion)")
            }
            if !(request.dryRun || options.dryRun) {
                cluster.remove(type, namespace: namespace, name: name)
                _ = cluster.nextResourceVersion()
            }
            return .deleted(type, name: name, uid: uid)
        }
    }

    /// Finishes and stores a written object (unless a dry run); 201 when it is new.
    private func finishAndStore(_ object: Value, previous: Value?, type: ResourceType, apiVersion: String, dryRun: Bool,
                       in cluster: inout FixtureCluster) -> Reply {
        let resourceVersion = dryRun ? nil : cluster.nextResourceVersion()
        let value = ServerFields.written(object, previous: previous, type: type, resourceVersion: resourceVersion,
                                         uidSeed: cluster.resourceVersion + (dryRun ? 1 : 0), now: now)
        let stored: StoredObject
        do { stored = try StoredObject(value: value) } catch { return .badRequest("\(error)") }
        if !dryRun { cluster.put(stored, type: type) }
        return .object(stored, apiVersion: apiVersion, status: previous == nil ? 201 : 200)
    }

    /// 404 for a namespaced write into a namespace that does not exist.
    private static func missingNamespace(_ namespace: String?, in cluster: FixtureCluster) -> Reply? {
        guard let namespace, cluster.find(.namespace, namespace: nil, name: namespace) == nil else { return nil }
        return .notFound(.namespace, name: namespace)
    }
}

/// The parts of a DELETE's `DeleteOptions` body the fixture server honours.
struct DeleteBody {
    var uid: String?
    var resourceVersion: String?
    var dryRun = false

    init(body: [UInt8]) throws(WriteRequest.Refusal) {
        guard body.contains(where: { !$0.isWhitespace }) else { return }
        let options: Value?
        do { options = try JSONReader.values(body, source: "DeleteOptions").first } catch {
            throw WriteRequest.Refusal(reply: .badRequest("error decoding DeleteOptions: \(error)"))
        }
        uid = options?[path: ["preconditions", "uid"]]?.stringValue
        resourceVersion = options?[path: ["preconditions", "resourceVersion"]]?.stringValue
        dryRun = options?["dryRun"]?.sequenceValue?.contains("All") ?? false
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
