/// A place inside an object as people read and write it: `spec.http[1].route[0]`,
/// `metadata.annotations["sidecar.istio.io/inject"]`, and where a diff matched list entries by
/// their identifying key, `spec.http[name=canary]`. `[*]` stands for every entry of a list (in
/// patterns such as the reference table's `spec.http[*].route[*].destination.host`).
///
/// The one path type of meshdump beside `JSONPointer`: messages, diagnostics and diffs print it,
/// `--ignore` parses its syntax. Build one from steps (`FieldPath([.key("spec"), .index(0)])`,
/// `path.appending(.key("x"))`) or text (`try FieldPath(parsing: "spec.http[0]")`); print it with
/// `description`; `pointer` gives the JSON Pointer of a path of keys and indexes.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step.
    public enum Step: Sendable, Hashable {
        /// A mapping key: `.name`, or `["a.b"]` when it is not a plain word.
        case key(String)
        /// A list position: `[3]`.
        case index(Int)
        /// The entry of a list whose identifying key (`name`, `port.number`) has this identity:
        /// `[name=canary]`, `[name="send to bar"]`.
        case entry(key: String, identity: String)
        /// Every entry of a list: `[*]`.
        case each
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) {
        self.steps = steps
    }

    /// The path with one more step.
    public func appending(_ step: Step) -> FieldPath {
        FieldPath(steps + [step])
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// The JSON Pointer (RFC 6901) of a path of keys and indexes; nil when a step is an entry or `[*]`.
    public var pointer: JSONPointer? {
        var tokens: [String] = []
        tokens.reserveCapacity(steps.count)
        for step in steps {
            switch step {
            case .key(let key): tokens.append(key)
            case .index(let i): tokens.append(String(i))
            case .entry, .each: return nil
            }
        }
        return JSONPointer(tokens: tokens)
    }

    public var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let key):
                if Self.isBareKey(key) {
                    if !out.isEmpty { out += "." }
                    out += key
                } else {
                    out += "[" + Self.quoted(key) + "]"
                }
            case .index(let i): out += "[\(i)]"
            case .entry(let key, let identity): out += "[" + key + "=" + (Self.isBareIdentity(identity) ? identity : Self.quoted(identity)) + "]"
            case .each: out += "[*]"
            }
        }
        return out
    }

    /// A key written without quotes: letters, digits, `_`, `-`, `/`, `$`, `@`, `:` and non-ASCII
    /// (no dots, brackets, spaces, quotes, `*` or `=`, which the syntax uses).
    public static func isBareKey(_ key: String) -> Bool {
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

    /// An identity written without quotes: anything but brackets, quotes, spaces and controls.
    static func isBareIdentity(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { c in
            c > 0x20 && c != UInt8(ascii: "]") && c != UInt8(ascii: "[") && c != UInt8(ascii: "\"")
        }
    }

    /// `text` in double quotes, `"`, `\` and control characters escaped as in JSON: how keys and
    /// identities that are not plain words are written, and how diff shows such strings.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += "\\u" + HexDigit.string(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
