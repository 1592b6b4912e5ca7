import MeshDumpCore

extension FieldPath {
    /// Replaces the value at this path (of keys and indexes) in place; nil removes a mapping
    /// entry. The path must exist up to its parent; a missing last key is added.
    func set(_ newValue: Value?, in root: inout Value) {
        Self.set(newValue, steps[...], &root)
    }

    private static func set(_ newValue: Value?, _ rest: ArraySlice<Step>, _ node: inout Value) {
        guard let first = rest.first else {
            if let newValue { node = newValue }
            return
        }
        let last = rest.count == 1
        switch (first, node) {
        case (.key(let k), .mapping(var m)):
            guard let i = m.index(forKey: k) else {
                if last, let newValue {
                    node = .null
                    m.appendUnchecked(key: k, value: newValue)
                    node = .mapping(m)
                }
                return
            }
            node = .null
            if last && newValue == nil {
                m.removeValue(forKey: k)
            } else {
                var child = m.values[i]
                m.setValue(.null, at: i)
                set(newValue, rest.dropFirst(), &child)
                m.setValue(child, at: i)
            }
            node = .mapping(m)
        case (.index(let i), .sequence(var s)) where i < s.count:
            node = .null
            var child = s[i]
            s[i] = .null
            set(newValue, rest.dropFirst(), &child)
            s[i] = child
            node = .sequence(s)
        default:
            return
        }
    }
}
