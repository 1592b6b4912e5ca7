import MeshDumpCore

/// A place inside an object: mapping keys and list indexes, printed as people read it
/// (`spec.http[0].route[1].destination.host`, `metadata.labels["istio.io/rev"]`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                if k.utf8.allSatisfy({ Self.isPlain($0) }), !k.isEmpty {
                    out += out.isEmpty ? k : "." + k
                } else {
                    out += "[\"\(k)\"]"
                }
            }
        }
        return out
    }

    private static func isPlain(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    /// Replaces the value at this path in place (nil removes a mapping entry); the path must exist
    /// up to its parent.
    func set(_ newValue: Value?, in root: inout Value) {
        Self.set(newValue, components[...], &root)
    }

    private static func set(_ newValue: Value?, _ rest: ArraySlice<Component>, _ node: inout Value) {
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
