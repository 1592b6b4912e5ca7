import MeshDumpCore

/// Where a change is inside an object: map keys, list positions, and list entries found by their
/// identifying key (`spec.http[name=primary].route[1].weight`).
public struct DiffPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A mapping key.
        case key(String)
        /// An entry of a list compared by position: the same index on both sides.
        case index(Int)
        /// An entry of a list compared by identifying key (`name`, `port.number`, …): the key,
        /// the entry's identity as text, and where the entry is in each side's list.
        case entry(key: String, identity: String, oldIndex: Int?, newIndex: Int?)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// `spec.http[name=primary].route[1].weight`; keys that are not plain words are quoted
    /// (`metadata.annotations["sidecar.istio.io/inject"]`).
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key):
                if Self.isBareKey(key) {
                    if !out.isEmpty { out += "." }
                    out += key
                } else {
                    out += "[" + Self.quoted(key) + "]"
                }
            case .index(let i):
                out += "[\(i)]"
            case .entry(let key, let identity, _, _):
                out += "[" + key + "=" + (Self.isBareIdentity(identity) ? identity : Self.quoted(identity)) + "]"
            }
        }
        return out
    }

    /// The JSON Pointer (RFC 6901) of the place in the old object, or nil when the path passes
    /// through an entry only the new object has.
    public var oldPointer: JSONPointer? { pointer(old: true) }

    /// The JSON Pointer of the place in the new object, or nil when the path passes through an
    /// entry only the old object has.
    public var newPointer: JSONPointer? { pointer(old: false) }

    private func pointer(old: Bool) -> JSONPointer? {
        var tokens: [String] = []
        tokens.reserveCapacity(components.count)
        for component in components {
            switch component {
            case .key(let key): tokens.append(key)
            case .index(let i): tokens.append(String(i))
            case .entry(_, _, let oldIndex, let newIndex):
                guard let i = old ? oldIndex : newIndex else { return nil }
                tokens.append(String(i))
            }
        }
        return JSONPointer(tokens: tokens)
    }

    /// A key written without quotes: letters, digits, `_`, `-`, `/`, `$`, `@`, `:` (no dots,
    /// brackets, spaces, `*` or `=`, which the path syntax uses).
    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { c in
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: ":"):
                true
            default:
                c >= 0x80
            }
        }
    }

    /// An identity written without quotes: anything but brackets, quotes and spaces.
    static func isBareIdentity(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { c in
            c > 0x20 && c != UInt8(ascii: "]") && c != UInt8(ascii: "[") && c != UInt8(ascii: "\"")
        }
    }

    /// `text` in double quotes, with `"`, `\` and control characters escaped as in JSON.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
