import MeshDumpCore

/// `-o json`: one document, keys sorted and indented as `kubectl get -o json` writes, so its
/// bytes are stable:
///
/// ```
/// {"findings": [{"code", "name", "severity", "analyzer",
///                "object": {"apiVersion", "kind", "namespace", "name"},
///                "field", "file", "line", "column",    // each left out when there is none
///                "message"}],
///  "skipped": [{"analyzer", "reason"}],
///  "summary": {"error", "warning", "info"}}
/// ```
struct JSONCheckRenderer {
    func render(_ result: CheckResult, to output: inout [UInt8]) throws {
        var summary = Mapping()
        for severity in Finding.Severity.allCases.reversed() {
            summary[severity.rawValue] = .int(String(result.count(severity)))
        }
        var document = Mapping()
        document["findings"] = .sequence(result.findings.map(Self.value(of:)))
        document["skipped"] = .sequence(result.skipped.map { ["analyzer": .string($0.analyzer), "reason": .string($0.reason)] })
        document["summary"] = .mapping(summary)
        try JSONWriter.write(.mapping(document), to: &output)
    }

    static func value(of finding: Finding) -> Value {
        var map = Mapping()
        map["code"] = .string(finding.code)
        map["name"] = .string(finding.name)
        map["severity"] = .string(finding.severity.rawValue)
        map["analyzer"] = .string(finding.analyzer)
        map["object"] = [
            "apiVersion": .string(finding.object.apiVersion), "kind": .string(finding.object.kind),
            "namespace": .string(finding.object.namespace), "name": .string(finding.object.name),
        ]
        if let field = finding.field { map["field"] = .string(field.description) }
        if let file = finding.file { map["file"] = .string(file) }
        if let position = finding.position {
            map["line"] = .int(String(position.line))
            map["column"] = .int(String(position.column))
        }
        map["message"] = .string(finding.message)
        return .mapping(map)
    }
}
