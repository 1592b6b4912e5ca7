import MeshDumpCore

extension MessageType {
    /// IST0151: a relative patch without a priority.
    public static let envoyFilterUsesRelativeOperation = MessageType(
        name: "EnvoyFilterUsesRelativeOperation", code: "IST0151", severity: .warning,
        description: "This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the EnvoyFilter not to be applied. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.")
    /// IST0152: REPLACE where Envoy has nothing to replace.
    public static let envoyFilterUsesReplaceOperationIncorrectly = MessageType(
        name: "EnvoyFilterUsesReplaceOperationIncorrectly", code: "IST0152", severity: .error,
        description: "The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER.")
    /// IST0153: ADD on routes, which ignore it.
    public static let envoyFilterUsesAddOperationIncorrectly = MessageType(
        name: "EnvoyFilterUsesAddOperationIncorrectly", code: "IST0153", severity: .error,
        description: "The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.")
    /// IST0154: REMOVE on routes, which ignore it.
    public static let envoyFilterUsesRemoveOperationIncorrectly = MessageType(
        name: "EnvoyFilterUsesRemoveOperationIncorrectly", code: "IST0154", severity: .error,
        description: "The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.")
    /// IST0155: a relative patch without a priority on a filter another patch pins to a proxy version.
    public static let envoyFilterUsesRelativeOperationWithProxyVersion = MessageType(
        name: "EnvoyFilterUsesRelativeOperationWithProxyVersion", code: "IST0155", severity: .warning,
        description: "This EnvoyFilter does not have a priority and has a relative patch operation (NSTERT_BEFORE/AFTER, REPLACE, MERGE, DELETE) and proxyVersion set which can cause the EnvoyFilter not to be applied during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.")
}

/// `envoyfilter.EnvoyPatchAnalyzer`: EnvoyFilter patches whose operation Envoy ignores for what
/// they apply to, and relative patches (INSERT_BEFORE/AFTER, REPLACE, REMOVE) without a priority,
/// whose order against other filters is undefined (worse when a filter of the same name is pinned
/// to a proxy version, as during an upgrade). Filters are read in namespace and name order; the
/// proxy-version names carry from one filter to the next, as in istioctl.
public struct EnvoyPatchAnalyzer: Analyzer {
    public init() {}

    public var name: String { "envoyfilter.EnvoyPatchAnalyzer" }
    public var messages: [MessageType] {
        [.envoyFilterUsesRelativeOperation, .envoyFilterUsesReplaceOperationIncorrectly, .envoyFilterUsesAddOperationIncorrectly,
         .envoyFilterUsesRemoveOperationIncorrectly, .envoyFilterUsesRelativeOperationWithProxyVersion]
    }

    private static let routeTargets: Set<String> = ["ROUTE_CONFIGURATION", "HTTP_ROUTE"]
    private static let replaceTargets: Set<String> = ["NETWORK_FILTER", "HTTP_FILTER", "VIRTUAL_HOST"]

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var pinnedNames: [String] = []
        for filter in snapshot.objects(.envoyFilter) {
            var reported: Set<MessageType> = []
            let priority = filter.spec["priority"]?.scalarText.flatMap { Int($0) } ?? 0
            for (i, patch) in (filter.spec["configPatches"]?.sequenceValue ?? []).enumerated() {
                guard let body = patch["patch"], body != .null else { break }
                let name = Self.instanceName(patch)
                let applyTo = patch["applyTo"]?.stringValue ?? ""
                let field = FieldPath("spec", "configPatches").index(i).key("patch").key("value")
                func add(_ type: MessageType) {
                    guard reported.insert(type).inserted else { return }  // istioctl prints one of identical messages
                    report.add(type, filter, field: field, Self.text(type))
                }
                func relative() {
                    guard priority == 0 else { return }
                    add(pinnedNames.contains(name) ? .envoyFilterUsesRelativeOperationWithProxyVersion : .envoyFilterUsesRelativeOperation)
                }
                switch body["operation"]?.stringValue ?? "" {
                case "ADD":
                    if Self.routeTargets.contains(applyTo) { add(.envoyFilterUsesAddOperationIncorrectly) }
                case "REMOVE":
                    if Self.routeTargets.contains(applyTo) { add(.envoyFilterUsesRemoveOperationIncorrectly) } else { relative() }
                case "REPLACE":
                    if !Self.replaceTargets.contains(applyTo) { add(.envoyFilterUsesReplaceOperationIncorrectly) } else { relative() }
                case "INSERT_BEFORE", "INSERT_AFTER":
                    relative()
                default:
                    break
                }
                if let version = patch[path: ["match", "proxy", "proxyVersion"]]?.scalarText, !version.isEmpty {
                    pinnedNames.append(name)
                }
            }
        }
    }

    /// The filter a patch is about: its value's `name`, else the listener filter it matches
    /// (only when the value is a mapping), else empty. A value's name and a match's
    /// filter name never compare equal, as in istioctl (which compares a protobuf text form).
    private static func instanceName(_ patch: Value) -> String {
        guard case .mapping(let value)? = patch[path: ["patch", "value"]] else { return "" }
        if let name = value["name"] { return "value:" + (name.scalarText ?? "") }
        return patch[path: ["match", "listener", "filterChain", "filter", "name"]]?.scalarText ?? ""
    }

    /// istioctl's message (its template has no parameters) and what to do.
    private static func text(_ type: MessageType) -> String {
        switch type {
        case .envoyFilterUsesAddOperationIncorrectly:
            "The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE. Use MERGE, or apply the patch to a VIRTUAL_HOST."
        case .envoyFilterUsesRemoveOperationIncorrectly:
            "The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE. Remove the patch, or apply it to what it should remove."
        case .envoyFilterUsesReplaceOperationIncorrectly:
            "The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER. Use MERGE, or apply the patch to a filter."
        case .envoyFilterUsesRelativeOperationWithProxyVersion:
            "This EnvoyFilter does not have a priority and has a relative patch operation (NSTERT_BEFORE/AFTER, REPLACE, MERGE, DELETE) and proxyVersion set which can cause the EnvoyFilter not to be applied during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly."
        default:
            "This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the EnvoyFilter not to be applied. Using the INSERT_FIRST of ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly."
        }
    }
}
