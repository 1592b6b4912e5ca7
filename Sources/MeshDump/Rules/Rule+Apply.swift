import MeshDumpCore

extension Rule {
    /// What a rule did to one object.
    enum Outcome: Equatable {
        case notMatched
        case unchanged
        /// Changed, with the number of fields: labels and annotations set or removed, plus the
        /// patch's operations that changed something.
        case changed(fields: Int)
        case dropped
        /// A `test` operation failed, so the rule did nothing to this object.
        case skippedByTest
        /// The patch failed otherwise, or left something that is not an object.
        case failed(String)
    }

    /// Applies the rule to `object` if it matches; on `skippedByTest` and `failed` the object is
    /// left as it was.
    func apply(to object: inout Object) -> Outcome {
        guard match.matches(object) else { return .notMatched }
        if drop { return .dropped }
        guard let patch else {
            // Labels and annotations alone: edit in place (they cannot make an object invalid).
            var value = object.value
            object.value = .null
            let fields = editMetadata(&value)
            object.value = value
            return fields > 0 ? .changed(fields: fields) : .unchanged
        }
        var value: Value
        var fields = 0
        do {
            let patched = try patch.applyCountingChanges(to: object.value)
            fields += patched.changes
            value = patched.value
        } catch {
            if error.isTestFailure { return .skippedByTest }
            return .failed("patch \(error)")
        }
        fields += editMetadata(&value)
        guard fields > 0 else { return .unchanged }
        do {
            object = try Object(value: value, origin: object.origin)
        } catch {
            return .failed("the result is not a Kubernetes object: \(error.message)")
        }
        return .changed(fields: fields)
    }

    private func editMetadata(_ value: inout Value) -> Int {
        Self.edit(&value, "labels", remove: removeLabels, set: setLabels)
            + Self.edit(&value, "annotations", remove: removeAnnotations, set: setAnnotations)
    }

    /// Removes and sets entries of `metadata.<field>`; returns how many changed. A map left empty
    /// is removed, as neat would.
    private static func edit(_ value: inout Value, _ field: String, remove: [String], set: [(key: String, value: String)]) -> Int {
        guard !remove.isEmpty || !set.isEmpty else { return 0 }
        var map = value[path: ["metadata", field]]?.mappingValue ?? Mapping()
        var changed = 0
        for key in remove where map[key] != nil {
            map[key] = nil
            changed += 1
        }
        for (key, text) in set where map[key] != .string(text) {
            map[key] = .string(text)
            changed += 1
        }
        guard changed > 0 else { return 0 }
        let path = FieldPath([.key("metadata"), .key(field)])
        if value["metadata"]?.mappingValue == nil { value["metadata"] = .mapping(Mapping()) }
        path.set(map.isEmpty ? nil : .mapping(map), in: &value)
        return changed
    }
}
