import MeshDumpCore

/// Server-side apply as the fixture server approximates it, enough for clients to behave as
/// they would against a real API server.
///
/// The approximation: a manager's applied configuration is a set of leaf fields (scalars,
/// lists, empty mappings; lists are atomic, as in Istio's CRDs). Applying it
/// 1. fails with a conflict for every leaf it sets that another manager (Apply or Update) owns
///    with a different live value, unless forced — forcing takes those fields from their owners;
/// 2. removes the fields this manager applied last time and no longer does, unless another
///    manager owns them too;
/// 3. merges the configuration into the live object (mappings merged key by key, everything
///    else replaced) and records the manager's leaves as its Apply entry in managedFields.
/// Equal values shared with another manager are owned by both. Unlike a real server there are
/// no schemas: no associative lists merged by key, no defaulting, no per-type field rules.
struct ServerSideApply {
    var manager: String
    var force: Bool
    /// RFC 3339 time recorded in the manager's entry when its fields change.
    var now: String

    /// One field another manager owns with another value.
    struct Conflict: Equatable {
        /// The manager as the server names it: `"kubectl-client-side-apply" using networking.istio.io/v1 at 2025-03-14T09:26:53Z`.
        var manager: String
        var field: String
    }

    struct Conflicts: Error {
        var conflicts: [Conflict]
    }

    /// `live` (nil: none yet) after applying `applied`, with managedFields updated; the caller
    /// adds uid, resourceVersion, generation and timestamps.
    func apply(_ applied: Value, to live: Value?, base: Value) throws(Conflicts) -> Value {
        let configuration = Self.configuration(applied)
        let applying = FieldSet(leavesOf: configuration)
        var entries = live?[path: ["metadata", "managedFields"]]?.sequenceValue ?? []
        let mine = entries.firstIndex(where: isMine)
        let before = mine.map { FieldSet(fieldsV1: entries[$0]["fieldsV1"] ?? [:]) } ?? FieldSet()
        var others: [Int: FieldSet] = [:]
        for i in entries.indices where i != mine { others[i] = FieldSet(fieldsV1: entries[i]["fieldsV1"] ?? [:]) }
        var conflicts: [Conflict] = []
        var taken: Set<Int> = []
        // Only other managers' fields conflict: with none (any create), no path is looked at.
        for path in others.isEmpty ? [] : Self.sorted(applying) {
            for i in others.keys.sorted() where others[i]!.ownsAny(at: path) && live?[path: path] != configuration[path: path] {
                conflicts.append(Conflict(manager: Self.describe(entries[i]), field: FieldSet.text(path)))
                for owned in others[i]!.paths where owned.starts(with: path) { others[i]!.remove(owned) }
                taken.insert(i)
            }
        }
        if !conflicts.isEmpty, !force { throw Conflicts(conflicts: conflicts) }
        var object = live ?? base
        for path in Self.sorted(before.subtracting(applying)) where !others.values.contains(where: { $0.ownsAny(at: path) }) {
            Self.remove(path[...], from: &object, depth: 0)
        }
        Self.merge(configuration, into: &object)
        let entry: Value? = applying.isEmpty ? nil : myEntry(applying, apiVersion: applied["apiVersion"]?.stringValue ?? "", previous: mine.map { entries[$0] })
        var updated: [Value] = []
        for i in entries.indices {
            if i == mine {
                if let entry { updated.append(entry) }
            } else if taken.contains(i) {
                // Forced: the fields go to this manager; an owner left with nothing goes.
                if !others[i]!.isEmpty { updated.append(entries[i].with("fieldsV1", others[i]!.fieldsV1)) }
            } else {
                updated.append(entries[i])
            }
        }
        if mine == nil, let entry { updated.append(entry) }
        entries = updated
        if entries.isEmpty {
            object["metadata"]?["managedFields"] = nil
        } else {
            object["metadata"]?["managedFields"] = .sequence(entries)
        }
        return object
    }

    private func isMine(_ entry: Value) -> Bool {
        entry["manager"]?.stringValue == manager && entry["operation"]?.stringValue == "Apply" && (entry["subresource"]?.stringValue ?? "").isEmpty
    }

    /// The manager's Apply entry; its time moves only when what it owns changes.
    private func myEntry(_ fields: FieldSet, apiVersion: String, previous: Value?) -> Value {
        let fieldsV1 = fields.fieldsV1
        let unchanged = previous?["fieldsV1"] == fieldsV1 && previous?["apiVersion"]?.stringValue == apiVersion
        let time = unchanged ? previous?["time"] ?? .string(now) : .string(now)
        return ["apiVersion": .string(apiVersion), "fieldsType": "FieldsV1", "fieldsV1": fieldsV1, "manager": .string(manager),
                "operation": "Apply", "time": time]
    }

    /// What a manager owns of an applied object: everything but the type, the status and the
    /// metadata the server keeps (name and namespace come from the URL).
    static func configuration(_ applied: Value) -> Value {
        var configuration = applied
        for key in ["apiVersion", "kind", "status"] { configuration[key] = nil }
        if var metadata = configuration["metadata"]?.mappingValue {
            for key in ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
                        "deletionTimestamp", "deletionGracePeriodSeconds"] {
                metadata.removeValue(forKey: key)
            }
            if metadata.isEmpty { configuration["metadata"] = nil } else { configuration["metadata"] = .mapping(metadata) }
        }
        return configuration
    }

    /// How the API server names a manager in conflicts (apiserver's `printManager`).
    static func describe(_ entry: Value) -> String {
        var text = "\"\(entry["manager"]?.stringValue ?? "")\""
        if let subresource = entry["subresource"]?.stringValue, !subresource.isEmpty { text += " with subresource \"\(subresource)\"" }
        guard entry["operation"]?.stringValue == "Update" else { return text }
        text += " using \(entry["apiVersion"]?.stringValue ?? "")"
        if let time = entry["time"]?.stringValue { text += " at \(time)" }
        return text
    }

    /// The set's paths in the order of their text (`.spec.hosts`), each text made once.
    static func sorted(_ fields: FieldSet) -> [[String]] {
        fields.paths.map { (text: FieldSet.text($0), path: $0) }.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }.map(\.path)
    }

    /// Mappings merged key by key; anything else replaced.
    private static func merge(_ configuration: Value, into object: inout Value) {
        guard case .mapping(let applied) = configuration, case .mapping(var target) = object else {
            object = configuration
            return
        }
        object = .null
        for (key, value) in applied {
            if var existing = target[key], case .mapping = value, case .mapping = existing {
                merge(value, into: &existing)
                target[key] = existing
            } else {
                target[key] = value
            }
        }
        object = .mapping(target)
    }

    /// Removes the field at `path`, and mappings left empty by it below the object's top level.
    private static func remove(_ path: ArraySlice<String>, from value: inout Value, depth: Int) {
        guard let key = path.first, case .mapping(var map) = value else { return }
        if path.count == 1 {
            map.removeValue(forKey: key)
        } else if var child = map[key] {
            remove(path.dropFirst(), from: &child, depth: depth + 1)
            if depth >= 1, child.mappingValue?.isEmpty == true { map.removeValue(forKey: key) } else { map[key] = child }
        }
        value = .mapping(map)
    }
}

private extension Value {
    func with(_ key: String, _ value: Value) -> Value {
        var copy = self
        copy[key] = value
        return copy
    }
}
