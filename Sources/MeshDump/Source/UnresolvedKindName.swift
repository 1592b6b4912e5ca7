import MeshDumpCore

/// A `--kinds` name one source could not resolve: no kind it serves, or no kind in its files
/// (nor one meshdump knows), answers to it.
///
/// Sources report such names beside their kinds instead of failing, because another source
/// may know the name (a custom resource installed in one of several clusters, or present in
/// only one side of a diff). A name no source knows is an error, checked once every source was
/// read (`requireResolvedNames`).
public struct UnresolvedKindName: Sendable, Equatable {
    public var name: String
    /// Why, as a phrase: `cluster:prod serves no such kind`.
    public var reason: String
    /// Close matches among the names the source knows.
    public var suggestions: [String]

    public init(name: String, reason: String, suggestions: [String]) {
        self.name = name
        self.reason = reason
        self.suggestions = suggestions
    }
}

extension Array where Element == [KindReport] {
    /// Throws for the first name (in the order reported) that every source reported as
    /// unresolved, with the reasons and close matches of all of them; a name some source
    /// resolved is fine (the others skipped it).
    public func requireResolvedNames() throws(KindSelectionError) {
        var order: [String] = []
        var unresolved: [String: [UnresolvedKindName]] = [:]
        for reports in self {
            for case let name? in reports.map(\.unresolved) {
                if unresolved[name.name] == nil { order.append(name.name) }
                unresolved[name.name, default: []].append(name)
            }
        }
        for name in order where unresolved[name]!.count == count {
            let all = unresolved[name]!
            var suggestions: [String] = []
            for suggestion in all.flatMap(\.suggestions) where !suggestions.contains(suggestion) { suggestions.append(suggestion) }
            throw KindSelectionError(name: name, reason: all.map(\.reason).joined(separator: "; "), suggestions: [String](suggestions.prefix(5)))
        }
    }
}
