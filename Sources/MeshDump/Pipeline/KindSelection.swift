import MeshDumpCore

/// The kinds a command asks for, from `--kinds`.
///
/// Names are taken as `kubectl get NAME` takes them: resources (plural or singular), kinds or
/// short names, optionally with their group (`vs,gw,dr`, `ns`, `secrets`, `AuthorizationPolicy`,
/// `httproutes.gateway.networking.k8s.io`), plus the group aliases `all-istio` and
/// `gateway-api`. A name meshdump knows (`KnownKinds`) is resolved here; any other name is kept
/// for the source to resolve: a cluster through its discovery (a custom resource's short name
/// works), files against the kinds they hold. The default is the eleven kinds of kubedump.sh.
public struct KindSelection: Sendable, Equatable {
    /// Known kinds asked for by name or through an alias, in the order asked.
    public var kinds: [Kind]
    /// Names no known kind answers to, resolved by each source.
    public var names: [String]
    /// Group aliases asked for: every kind of their groups is included.
    public var aliases: [KindGroupAlias]

    public init(kinds: [Kind] = IstioKinds.defaults, names: [String] = [], aliases: [KindGroupAlias] = []) {
        self.kinds = kinds
        self.names = names
        self.aliases = aliases
    }

    /// Parses comma-separated `--kinds` values (the option may repeat); names must name at
    /// least one kind, and each must look like a kind's name.
    public init(parsing lists: [String]) throws(KindSelectionError) {
        let names = lists.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw KindSelectionError(name: nil) }
        var selection = KindSelection(kinds: [])
        for name in names {
            if let alias = KindGroupAlias(rawValue: name) {
                if !selection.aliases.contains(alias) { selection.aliases.append(alias) }
                selection.add(alias.knownKinds)
            } else if let kind = KnownKinds.named(name) {
                selection.add([kind])
            } else {
                guard Self.isKindName(name) else {
                    throw KindSelectionError(name: name, reason: "not a resource, kind or short name")
                }
                if !selection.names.contains(name) { selection.names.append(name) }
            }
        }
        self = selection
    }

    /// Throws for the first name no kind meshdump knows answers to, for commands that resolve
    /// names against no server and no files (`check`'s report filter).
    public func requireKnownNames() throws(KindSelectionError) {
        guard let name = names.first else { return }
        throw KindSelectionError(name: name, reason: "not a kind meshdump knows", suggestions: Suggestion.close(to: name, in: KnownKinds.names))
    }

    /// The selection with kinds a source resolved its names to.
    public func adding(_ resolved: [Kind]) -> KindSelection {
        var selection = self
        selection.add(resolved)
        return selection
    }

    private mutating func add(_ more: [Kind]) {
        for kind in more where !kinds.contains(where: { $0.group == kind.group && $0.kind == kind.kind }) { kinds.append(kind) }
    }

    /// Whether an object of this group and kind was asked for: a known kind, a kind of an alias's
    /// groups, or one a name matches as files are matched (`nameMatches`).
    public func includes(group: String, kind: String) -> Bool {
        if kinds.contains(where: { $0.group == group && $0.kind == kind }) { return true }
        if aliases.contains(where: { $0.contains(group: group) }) { return true }
        return names.contains { Self.name($0, matches: group, kind) }
    }

    /// Whether a name matches objects of a kind met in files, where only the group and kind are
    /// known: the kind, its plural as kubectl guesses it, either one qualified by the group
    /// (and a version), in any case. Short names need a cluster's discovery.
    public static func name(_ name: String, matches group: String, _ kind: String) -> Bool {
        let lower = name.lowercased()
        var bare = Substring(lower)
        if !group.isEmpty, lower.hasSuffix("." + group) {
            bare = lower.dropLast(group.count + 1)
            if let dot = bare.lastIndex(of: "."), bare[bare.index(after: dot)...].first == "v" { bare = bare[..<dot] }
        }
        let kindName = kind.lowercased()
        return bare == kindName || bare == TreeLayout.guessPlural(kind)
    }

    /// The names files holding objects of this group and kind answer to (for suggestions).
    public static func names(ofFound group: String, _ kind: String) -> [String] {
        let plural = TreeLayout.guessPlural(kind)
        return [plural, kind.lowercased()] + (group.isEmpty ? [] : ["\(plural).\(group)"])
    }

    /// Letters, digits, `.` and `-`, starting with a letter: what a resource, kind or short name
    /// (optionally with a group) can be.
    static func isKindName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
    }
}

/// A `--kinds` entry that names no kind (`--kinds` naming nothing, a name that cannot be a
/// kind's, or one no source knows), with the close matches the sources offered.
public struct KindSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The unknown name; nil when the option named no kind at all.
    public var name: String?
    /// Why: `not a resource, kind or short name`, `cluster:prod serves no such kind`.
    public var reason: String?
    /// Close matches among the kinds meshdump and the sources know.
    public var suggestions: [String]

    public init(name: String?, reason: String? = nil, suggestions: [String] = []) {
        self.name = name
        self.reason = reason
        self.suggestions = suggestions
    }

    public var description: String {
        guard let name else { return "--kinds names no kind" }
        return "unknown kind \"\(name)\" in --kinds" + (reason.map { ": \($0)" } ?? "")
            + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
