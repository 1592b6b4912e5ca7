import MeshDumpCore

/// `-o sarif`: a SARIF 2.1.0 log for code review tools. One rule per code found (its name,
/// description, level and Istio's documentation page), one result per finding located at
/// file:line:column and at the object as a logical location; skipped analyzers are
/// notifications of the invocation.
struct SARIFCheckRenderer {
    func render(_ result: CheckResult, to output: inout [UInt8]) throws {
        let types = Set(result.findings.map(\.type)).sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1.code, $0) })
        var driver = Mapping()
        driver["name"] = "meshdump"
        driver["rules"] = .sequence(types.map(Self.rule))
        var invocation = Mapping()
        invocation["executionSuccessful"] = true
        invocation["toolExecutionNotifications"] = .sequence(result.skipped.map { skip in
            ["level": "note", "message": ["text": .string("skipped \(skip.analyzer): \(skip.reason)")]]
        })
        var run = Mapping()
        run["tool"] = ["driver": .mapping(driver)]
        run["invocations"] = [.mapping(invocation)]
        run["results"] = .sequence(result.findings.map { Self.result($0, ruleIndex: ruleIndex[$0.code]!) })
        var log = Mapping()
        log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json"
        log["version"] = "2.1.0"
        log["runs"] = [.mapping(run)]
        try JSONWriter.write(.mapping(log), to: &output)
    }

    private static func rule(_ type: MessageType) -> Value {
        var rule = Mapping()
        rule["id"] = .string(type.code)
        rule["name"] = .string(type.name)
        rule["shortDescription"] = ["text": .string(type.description)]
        if let uri = type.helpURI { rule["helpUri"] = .string(uri) }
        rule["defaultConfiguration"] = ["level": .string(level(type.severity))]
        return .mapping(rule)
    }

    private static func result(_ finding: Finding, ruleIndex: Int) -> Value {
        var location = Mapping()
        if case .file(let path, _, _) = finding.origin {
            var physical = Mapping()
            physical["artifactLocation"] = ["uri": .string(uri(path))]
            if let position = finding.position {
                physical["region"] = ["startLine": .int(String(position.line)), "startColumn": .int(String(position.column))]
            }
            location["physicalLocation"] = .mapping(physical)
        }
        location["logicalLocations"] = [["fullyQualifiedName": .string(finding.object.description), "kind": "resource"]]
        var properties = Mapping()
        properties["analyzer"] = .string(finding.analyzer)
        properties["object"] = JSONCheckRenderer.value(of: finding)["object"]
        if let field = finding.field { properties["field"] = .string(field.description) }
        var result = Mapping()
        result["ruleId"] = .string(finding.code)
        result["ruleIndex"] = .int(String(ruleIndex))
        result["level"] = .string(level(finding.severity))
        result["message"] = ["text": .string(finding.message)]
        result["locations"] = [.mapping(location)]
        result["properties"] = .mapping(properties)
        return .mapping(result)
    }

    /// SARIF's levels: `info` is `note`.
    private static func level(_ severity: Finding.Severity) -> String {
        severity == .info ? "note" : severity.rawValue
    }

    /// A file path as a URI reference: relative paths stay relative, absolute ones become
    /// `file://` URIs; bytes outside RFC 3986's unreserved set and `/` are percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + HexDigit.string(byte, width: 2, uppercase: true)
            }
        }
        return out
    }
}
