import MeshDumpCore

/// The kinds an export asks for, from `--kinds`.
///
/// Names may be resources, kinds or short names, optionally with their group (`vs,gw,dr`,
/// `AuthorizationPolicy`, `telemetries.telemetry.istio.io`); the default is the eleven kinds of
/// kubedump.sh. `all-istio` adds every other kind served under `*.istio.io`.
public struct KindSelection: Sendable, Equatable {
    public var kinds: [Kind]
    /// Also export every other kind served in an `*.istio.io` group.
    public var allIstio: Bool

    public init(kinds: [Kind] = IstioKinds.defaults, allIstio: Bool = false) {
        self.kinds = kinds
        self.allIstio = allIstio
    }

    /// Parses comma-separated `--kinds` values (the option may repeat); names must name at
    /// least one kind.
    public init(parsing lists: [String]) throws(KindSelectionError) {
        let names = lists.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw KindSelectionError(name: nil) }
        var kinds: [Kind] = []
        var allIstio = false
        for name in names {
            if name == "all-istio" {
                allIstio = true
                for kind in IstioKinds.all where !kinds.contains(kind) { kinds.append(kind) }
                continue
            }
            guard let kind = IstioKinds.named(name) else { throw KindSelectionError(name: name) }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        self.init(kinds: kinds, allIstio: allIstio)
    }

    /// Whether an object of this group and kind was asked for.
    public func includes(group: String, kind: String) -> Bool {
        if kinds.contains(where: { $0.group == group && $0.kind == kind }) { return true }
        return allIstio && (group == "istio.io" || group.hasSuffix(".istio.io"))
    }
}

/// A `--kinds` entry that names no kind meshdump knows, or a `--kinds` naming nothing.
public struct KindSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The unknown name; nil when the option named no kind at all.
    public var name: String?

    public var description: String {
        guard let name else { return "--kinds names no kind" }
        let known = IstioKinds.all.map { $0.shortNames.first ?? $0.resource }.joined(separator: ", ")
        return "unknown kind \"\(name)\" in --kinds (known: \(known), or their kinds and resource names, or all-istio)"
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
