import MeshDumpCore

extension MessageType {
    /// IST0130: a route rule that can never match.
    public static let virtualServiceUnreachableRule = MessageType(
        name: "VirtualServiceUnreachableRule", code: "IST0130", severity: .warning,
        description: "A VirtualService rule will never be used because a previous rule uses the same match.")
    /// IST0131: a match an earlier rule's match takes first.
    public static let virtualServiceIneffectiveMatch = MessageType(
        name: "VirtualServiceIneffectiveMatch", code: "IST0131", severity: .info,
        description: "A VirtualService rule match duplicates a match in a previous rule.")
}

/// The unreachable-rule and ineffective-match part of istioctl's VirtualService schema validation
/// (`schema.ValidationAnalyzer.VirtualService`); see `RouteReachability`.
public struct UnreachableRulesAnalyzer: Analyzer {
    public init() {}

    public var name: String { "schema.ValidationAnalyzer.VirtualService" }
    public var messages: [MessageType] { [.virtualServiceUnreachableRule, .virtualServiceIneffectiveMatch] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for service in snapshot.objects(.virtualService) {
            var seen: Set<String> = []
            for (problem, field) in RouteReachability.problems(in: service.spec) {
                let (type, text): (MessageType, String) = switch problem {
                case .unreachable(let rule, let reason):
                    (.virtualServiceUnreachableRule, "VirtualService rule \(rule) not used (\(reason)).")
                case .ineffective(let rule, let match, let earlier):
                    (.virtualServiceIneffectiveMatch, "VirtualService rule \(rule) match \(match) is not used (duplicate/overlapping match in rule \(earlier)).")
                }
                // istioctl prints identical messages once (a rule after a match-less one, per match).
                guard seen.insert(text).inserted else { continue }
                report.add(type, service, field: field, text + " " + Self.fix(problem))
            }
        }
    }

    private static func fix(_ problem: RouteReachability.Problem) -> String {
        switch problem {
        case .unreachable: "Remove the rule, or move it before the rule that takes its traffic."
        case .ineffective: "Remove the match, or move its rule before the rule that takes its traffic."
        }
    }
}
