import MeshDumpCore

/// Finds strings that mention a mapped name without being a reference meshdump rewrote — a
/// header value, a Lua script, an EnvoyFilter patch — so the user can look at them.
///
/// A namespace is found as a whole DNS label (`team-000` in `x.team-000.svc`, not in
/// `team-0001`), a host or gateway as a whole name, a `*.suffix` host by its suffix, a trust
/// domain as `<td>/ns/`. Every string and mapping key is scanned once, byte by byte, against all
/// names at the same time; `metadata.name` is skipped (a Sidecar called `default` names itself,
/// not the namespace).
struct MentionScanner: Sendable {
    struct Needle: Sendable {
        var bytes: [UInt8]
        /// What the warning says is mentioned.
        var display: String
        var boundedLeft: Bool
        var boundedRight: Bool
        /// Whether `.` continues a name around this needle (hosts), or ends it (namespaces).
        var dotIsPartOfName: Bool
    }

    let needles: [Needle]
    /// For each first byte, the needles starting with it.
    private let byFirstByte: [[Int]]

    init(_ rules: RuleSet) {
        var needles: [Needle] = []
        for move in rules.namespaces {
            needles.append(Needle(bytes: Array(move.from.utf8), display: move.from, boundedLeft: true, boundedRight: true, dotIsPartOfName: false))
        }
        for host in rules.hosts {
            if host.isWildcard {
                needles.append(Needle(bytes: Array(host.from.utf8.dropFirst()), display: host.from, boundedLeft: false, boundedRight: true, dotIsPartOfName: true))
            } else {
                needles.append(Needle(bytes: Array(host.from.utf8), display: host.from, boundedLeft: true, boundedRight: true, dotIsPartOfName: true))
            }
        }
        for gateway in rules.gateways {
            needles.append(Needle(bytes: Array(gateway.from.description.utf8), display: gateway.from.description, boundedLeft: true, boundedRight: true, dotIsPartOfName: true))
        }
        if let td = rules.trustDomain {
            needles.append(Needle(bytes: Array((td.from + "/ns/").utf8), display: "trust domain \(td.from)", boundedLeft: true, boundedRight: false, dotIsPartOfName: true))
        }
        var table = [[Int]](repeating: [], count: 256)
        for (i, needle) in needles.enumerated() { table[Int(needle.bytes[0])].append(i) }
        self.needles = needles
        byFirstByte = table
    }

    var isEmpty: Bool { needles.isEmpty }

    /// Calls `found` with each path (outside `skipping`) whose string or key mentions a name,
    /// once per name.
    func scan(_ value: Value, skipping: [FieldPath], _ found: (FieldPath, String) -> Void) {
        var path: [FieldPath.Component] = []
        walk(value, &path) { path, text in
            for i in mentions(text) {
                let fieldPath = FieldPath(path)
                if !skipping.contains(fieldPath) { found(fieldPath, needles[i].display) }
            }
        }
    }

    private func walk(_ node: Value, _ path: inout [FieldPath.Component], _ visit: ([FieldPath.Component], String) -> Void) {
        switch node {
        case .string(let s):
            visit(path, s)
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                walk(item, &path, visit)
                path.removeLast()
            }
        case .mapping(let m):
            for (key, child) in m {
                if path.count == 1, path[0] == .key("metadata"), key == "name" { continue }
                path.append(.key(key))
                visit(path, key)
                walk(child, &path, visit)
                path.removeLast()
            }
        default:
            return
        }
    }

    /// The needles `text` mentions, each once, in needle order.
    private func mentions(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes -> [Int] in
            var hits: [Int] = []
            for start in 0..<bytes.count {
                for i in byFirstByte[Int(bytes[start])] where !hits.contains(i) && occurs(needles[i], in: bytes, at: start) {
                    hits.append(i)
                }
            }
            return hits.sorted()
        }
    }

    private func occurs(_ needle: Needle, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let end = start + needle.bytes.count
        guard end <= bytes.count else { return false }
        for k in 1..<needle.bytes.count where bytes[start + k] != needle.bytes[k] { return false }
        if needle.boundedLeft, start > 0, Self.continuesName(bytes[start - 1], dot: needle.dotIsPartOfName) { return false }
        if needle.boundedRight, end < bytes.count, Self.continuesName(bytes[end], dot: needle.dotIsPartOfName) { return false }
        return true
    }

    private static func continuesName(_ c: UInt8, dot: Bool) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || (dot && c == UInt8(ascii: "."))
    }
}
