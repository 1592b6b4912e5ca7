import MeshDumpCore

/// An HTTP match on a URI prefix, reduced to what Istio compares to find overlapping matches
/// (`OverlappingMatchValidationForHTTPRoute`): each string match is `exact:…`, `prefix:…` or empty.
struct PrefixMatch {
    var rule: String
    var ruleIndex: Int
    var match: String
    var matchIndex: Int
    var prefix: String
    var port: String
    var method: String
    var authority: String
    var headers: [String: String]
    var queryParams: [String: String]
    var withoutHeaders: [String: String]

    /// Nil unless the match has a non-empty `uri.prefix`.
    init?(_ match: Value, rule: String, ruleIndex: Int, matchName: String, matchIndex: Int) {
        guard let prefix = match[path: ["uri", "prefix"]]?.stringValue, !prefix.isEmpty else { return nil }
        self.rule = rule
        self.ruleIndex = ruleIndex
        self.match = matchName
        self.matchIndex = matchIndex
        self.prefix = prefix
        port = match["port"].map { NumberText.canonical(MatchKey.scalarText($0)) } ?? "0"
        let method = Self.stringMatch(match["method"])
        self.method = method.isEmpty ? "exact:GET" : method
        authority = Self.stringMatch(match["authority"])
        headers = Self.stringMatches(match["headers"])
        queryParams = Self.stringMatches(match["queryParams"])
        withoutHeaders = Self.stringMatches(match["withoutHeaders"])
    }

    /// Whether this (earlier) match takes every request `later` would.
    func covers(_ later: PrefixMatch) -> Bool {
        guard later.prefix.hasPrefix(prefix), later.port == port else { return false }
        guard Self.covers(method, later.method), Self.covers(authority, later.authority) else { return false }
        return Self.covers(headers, later.headers) && Self.covers(queryParams, later.queryParams)
            && Self.covers(withoutHeaders, later.withoutHeaders)
    }

    /// Istio's test, kept as it is: equal, or the earlier text starts with the later one.
    private static func covers(_ a: String, _ b: String) -> Bool {
        a == b || a.hasPrefix(b)
    }

    private static func covers(_ a: [String: String], _ b: [String: String]) -> Bool {
        guard a.count == b.count else { return false }
        return a.allSatisfy { key, value in b[key].map { covers(value, $0) } ?? false }
    }

    /// `exact:x`, `prefix:x`, or empty for a regex or an absent match.
    private static func stringMatch(_ value: Value?) -> String {
        if let exact = value?["exact"]?.stringValue, !exact.isEmpty { return "exact:" + exact }
        if let prefix = value?["prefix"]?.stringValue, !prefix.isEmpty { return "prefix:" + prefix }
        return ""
    }

    private static func stringMatches(_ value: Value?) -> [String: String] {
        var out: [String: String] = [:]
        for (key, match) in value?.mappingValue ?? Mapping() { out[key] = stringMatch(match) }
        return out
    }
}
