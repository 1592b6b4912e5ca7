import MeshDumpCore

/// The route rules of a VirtualService that can never match, as Istio's validation finds them
/// (`analyzeUnreachableHTTPRules` and its TCP and TLS twins in `pkg/config/validation`): a rule
/// after a rule without matches, a rule whose every match an earlier rule already has, a match
/// equal to an earlier one, and an HTTP prefix match an earlier prefix match covers.
enum RouteReachability {
    /// One rule or match that is never used, with Istio's message parameters.
    enum Problem: Sendable, Equatable {
        /// IST0130: rule `rule` not used, for `reason`.
        case unreachable(rule: String, reason: String)
        /// IST0131: match `match` of rule `rule` not used, `earlier` matching first.
        case ineffective(rule: String, match: String, earlier: String)
    }

    /// The problems of a VirtualService spec, each with the path of its rule or match.
    static func problems(in spec: Value) -> [(Problem, FieldPath)] {
        var found: [(Problem, FieldPath)] = []
        for section in ["http", "tcp", "tls"] {
            guard let rules = spec[section]?.sequenceValue else { continue }
            analyze(section: section, rules) { found.append(($0, $1)) }
        }
        return found
    }

    private static func analyze(section: String, _ rules: [Value], _ report: (Problem, FieldPath) -> Void) {
        let isHTTP = section == "http"
        var seen: [String: Int] = [:]
        var emptyMatchRule = -1
        var prefixMatches: [PrefixMatch] = []
        for (ruleIndex, rule) in rules.enumerated() {
            guard case .mapping = rule else { continue }
            let rulePath = FieldPath([.key("spec"), .key(section), .index(ruleIndex)])
            let ruleName = name(of: rule, at: ruleIndex, named: isHTTP)
            let matches = rule["match"]?.sequenceValue ?? []
            if matches.isEmpty {
                if emptyMatchRule >= 0 {
                    report(.unreachable(rule: ruleName, reason: "only the last rule can have no matches"), rulePath)
                }
                emptyMatchRule = ruleIndex
                continue
            }
            var duplicates = 0
            for (matchIndex, match) in matches.enumerated() {
                if emptyMatchRule >= 0 {
                    report(.unreachable(rule: ruleName, reason: "route without matches defined before"), rulePath)
                    continue
                }
                let key = MatchKey.text(of: match, droppingName: isHTTP)
                if let earlier = seen[key] {
                    let matchPath = rulePath.key("match").index(matchIndex)
                    let earlierName = name(of: rules[earlier], at: earlier, named: isHTTP)
                    report(.ineffective(rule: ruleName, match: name(of: match, at: matchIndex, named: isHTTP), earlier: earlierName), matchPath)
                    duplicates += 1
                    continue
                }
                seen[key] = ruleIndex
                if isHTTP, let prefix = PrefixMatch(match, rule: ruleName, ruleIndex: ruleIndex, matchName: name(of: match, at: matchIndex, named: true), matchIndex: matchIndex) {
                    prefixMatches.append(prefix)
                }
            }
            if duplicates == matches.count {
                report(.unreachable(rule: ruleName, reason: "all matches used by prior rules"), rulePath)
            }
        }
        reportCovered(prefixMatches, report)
    }

    /// An earlier prefix match that covers a later one (same port, method, authority, headers,
    /// query parameters) makes the later one ineffective.
    private static func reportCovered(_ matches: [PrefixMatch], _ report: (Problem, FieldPath) -> Void) {
        guard matches.count > 1 else { return }
        for (i, a) in matches.enumerated() {
            for b in matches[(i + 1)...] where b.prefix != a.prefix && a.covers(b) {
                let path = FieldPath([.key("spec"), .key("http"), .index(b.ruleIndex), .key("match"), .index(b.matchIndex)])
                report(.ineffective(rule: b.rule, match: b.match + " of prefix " + b.prefix,
                                    earlier: a.match + " of prefix " + a.prefix + " on " + a.rule), path)
            }
        }
    }

    /// `"name"` for a named HTTP rule or match, else `#index`.
    static func name(of value: Value, at index: Int, named: Bool) -> String {
        if named, let name = value["name"]?.stringValue, !name.isEmpty { return GoFormat.quoted(name) }
        return "#\(index)"
    }
}
