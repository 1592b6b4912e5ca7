extension Fault {
    /// The fault options `fixture-apiserver --fault` takes, for its help and the README.
    public static let specHelp = """
        ACTION[,resource=R][,name=N][,method=M][,dry-run=true|false][,path=PREFIX][,cluster-wide][,continue-only][,times=N]. \
        ACTION is one of: \
        status=CODE[,retry-after=S] (answer 429, 500, 503…), forbidden (403 as RBAC), expired and \
        expired-with-continue (410 on continue tokens), delay=D (answer after D: 500ms, 2s), drop (close \
        the connection), stall-body=BYTES (head and BYTES of the body, then nothing), trickle-body=D \
        (one body byte every D), repeat-continue (each page repeats the continue token it was asked \
        with), overrun-remaining-count (each page says one object remains and goes on), foreign-item \
        (a Secret in every list page), page-unpaged-lists=N (a list asked for without limit gets N \
        items and a continue token), reject=CODE (a write refused with 400 BadRequest or 422 Invalid, \
        as an admission webhook does), conflict (a write answered 409 Conflict).
        """

    /// Parses a fault as `--fault` writes it: `stall-body=100,resource=gateways,times=2`.
    public init(spec: String) throws(FaultSpecError) {
        var parts = spec.split(separator: ",").map { part -> (key: String, value: String?) in
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            return (pair[0], pair.count > 1 ? pair[1] : nil)
        }
        guard !parts.isEmpty else { throw FaultSpecError(spec: spec, message: "no action") }
        let (name, argument) = parts.removeFirst()
        var match = Match()
        var times: Int?
        var retryAfter: Int?
        for (key, value) in parts {
            switch key {
            case "resource": match.resource = try Self.text(value, key, spec)
            case "path": match.pathPrefix = try Self.text(value, key, spec)
            case "name": match.name = try Self.text(value, key, spec)
            case "method": match.method = try Self.text(value, key, spec).uppercased()
            case "dry-run":
                guard let dryRun = Bool(value ?? "") else { throw FaultSpecError(spec: spec, message: "dry-run needs true or false") }
                match.dryRun = dryRun
            case "cluster-wide": match.clusterWideListsOnly = true
            case "continue-only": match.continueOnly = true
            case "times": times = try Self.number(value, key, spec)
            case "retry-after": retryAfter = try Self.number(value, key, spec)
            default: throw FaultSpecError(spec: spec, message: "unknown option \(key)")
            }
        }
        let action: Action
        switch name {
        case "status": action = .status(try Self.number(argument, name, spec), retryAfter: retryAfter)
        case "forbidden": action = .forbidden
        case "expired": action = .expired(offerContinue: false)
        case "expired-with-continue": action = .expired(offerContinue: true)
        case "delay": action = .delay(try Self.duration(argument, name, spec))
        case "drop": action = .dropConnection
        case "stall-body": action = .stallBody(afterBytes: try Self.number(argument, name, spec))
        case "trickle-body": action = .trickleBody(interval: try Self.duration(argument, name, spec))
        case "repeat-continue": action = .repeatContinue
        case "overrun-remaining-count": action = .overrunRemainingCount
        case "foreign-item": action = .foreignItem
        case "page-unpaged-lists": action = .pageUnpagedLists(try Self.number(argument, name, spec))
        case "reject":
            let code = try Self.number(argument, name, spec)
            action = .admissionDenied(webhook: "fixture-apiserver", message: "rejected by --fault", code: code)
        case "conflict": action = .conflict
        default: throw FaultSpecError(spec: spec, message: "unknown action \(name)")
        }
        self.init(action, match: match, times: times)
    }

    private static func text(_ value: String?, _ key: String, _ spec: String) throws(FaultSpecError) -> String {
        guard let value, !value.isEmpty else { throw FaultSpecError(spec: spec, message: "\(key) needs a value") }
        return value
    }

    private static func number(_ value: String?, _ key: String, _ spec: String) throws(FaultSpecError) -> Int {
        guard let value, let number = Int(value), number >= 0 else { throw FaultSpecError(spec: spec, message: "\(key) needs a whole number") }
        return number
    }

    /// `500ms`, `2s`, `1m`.
    private static func duration(_ value: String?, _ key: String, _ spec: String) throws(FaultSpecError) -> Duration {
        let text = value ?? ""
        for (unit, make) in [("ms", Duration.milliseconds), ("s", Duration.seconds), ("m", { Duration.seconds($0 * 60) })] {
            if text.hasSuffix(unit), let number = Int(text.dropLast(unit.count)), number >= 0 { return make(number) }
        }
        throw FaultSpecError(spec: spec, message: "\(key) needs a duration such as 500ms, 2s or 1m")
    }
}

/// A `--fault` that cannot be parsed.
public struct FaultSpecError: Error, CustomStringConvertible {
    public var spec: String
    public var message: String
    public var description: String { "--fault \(spec): \(message); the form is \(Fault.specHelp)" }
}
