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
    /// For each first byte, a bit per needle (of the first 64) starting with it.
    private let byFirstByte: [UInt64]
    /// Needles past the 64th, checked at every byte.
    private let overflow: [Int]

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
        var table = [UInt64](repeating: 0, count: 256)
        for (i, needle) in needles.enumerated() where i < 64 { table[Int(needle.bytes[0])] |= 1 << UInt64(i) }
        self.needles = needles
        byFirstByte = table
        overflow = Array(needles.indices.dropFirst(64))
    }

    var isEmpty: Bool { needles.isEmpty }

    /// Calls `found` with each path (outside `skipping`) whose string or key mentions a name,
    /// once per name.
    func scan(_ value: Value, skipping: [FieldPath], _ found: (FieldPath, String) -> Void) {
        // Mentions are rare: look for any first, and only then walk again keeping paths.
        guard mentionsAny(value, depth: 0) else { return }
        var path: [FieldPath.Step] = []
        path.reserveCapacity(16)
        var hits: [(FieldPath, Int)] = []
        walk(value, &path, &hits)
        for (fieldPath, needle) in hits where !skipping.contains(fieldPath) {
            found(fieldPath, needles[needle].display)
        }
    }

    /// The names `text` mentions, as warnings show them.
    func mentionedNames(in text: String) -> [String] {
        mentions(text).map { needles[$0].display }
    }

    /// Whether any string or key in `node` mentions a name, skipping the object's
    /// `metadata.name` (`depth` 0 is the object, 1 its `metadata`).
    private func mentionsAny(_ node: Value, depth: Int) -> Bool {
        switch node {
        case .string(let s):
            return !mentions(s).isEmpty
        case .sequence(let items):
            return items.contains { mentionsAny($0, depth: 2) }
        case .mapping(let m):
            let keys = m.keys
            let values = m.values
            for i in keys.indices {
                if depth == 1 && keys[i] == "name" { continue }
                let childDepth = depth == 0 && keys[i] == "metadata" ? 1 : 2
                if !mentions(keys[i]).isEmpty || mentionsAny(values[i], depth: childDepth) { return true }
            }
            return false
        default:
            return false
        }
    }

    private func walk(_ node: Value, _ path: inout [FieldPath.Step], _ hits: inout [(FieldPath, Int)]) {
        switch node {
        case .string(let s):
            check(s, path, &hits)
        case .sequence(let items):
            for i in items.indices {
                path.append(.index(i))
                walk(items[i], &path, &hits)
                path.removeLast()
            }
        case .mapping(let m):
            let isMetadata = path.count == 1 && path[0] == .key("metadata")
            let keys = m.keys
            let values = m.values
            for i in keys.indices {
                if isMetadata && keys[i] == "name" { continue }
                path.append(.key(keys[i]))
                check(keys[i], path, &hits)
                walk(values[i], &path, &hits)
                path.removeLast()
            }
        default:
            return
        }
    }

    private func check(_ text: String, _ path: [FieldPath.Step], _ hits: inout [(FieldPath, Int)]) {
        for i in mentions(text) { hits.append((FieldPath(path), i)) }
    }

    /// The needles `text` mentions, each once, in needle order (usually none: no allocation).
    private func mentions(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes -> [Int] in
            byFirstByte.withUnsafeBufferPointer { table -> [Int] in
                var found: UInt64 = 0
                var hits: [Int] = []
                for start in 0..<bytes.count {
                    var candidates = table[Int(bytes[start])] & ~found
                    while candidates != 0 {
                        let i = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        if occurs(needles[i], in: bytes, at: start) { found |= 1 << UInt64(i) }
                    }
                    for i in overflow where !hits.contains(i) && occurs(needles[i], in: bytes, at: start) { hits.append(i) }
                }
                guard found != 0 || !hits.isEmpty else { return [] }
                var all: [Int] = []
                while found != 0 {
                    all.append(found.trailingZeroBitCount)
                    found &= found - 1
                }
                return all + hits.sorted()
            }
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

    /// Whether `c` continues a DNS label (or, with `dot`, a host name) around a match.
    static func continuesName(_ c: UInt8, dot: Bool) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || (dot && c == UInt8(ascii: "."))
    }
}
