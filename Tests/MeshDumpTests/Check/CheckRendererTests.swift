import Testing
@testable import MeshDump

/// The three output formats, byte for byte, over the probe analyzer's findings (file and
/// cluster objects, every severity, a skipped analyzer and a skipped part).
struct CheckRendererTests {
    @Test(arguments: CheckFormat.allCases)
    func goldens(format: CheckFormat) throws {
        let result = try CheckRunTests.result(with: true)
        let output = String(decoding: try format.render(result), as: UTF8.self)
        try CheckTestSupport.expectGolden(output, "render/expected.\(format.rawValue)")
    }

    @Test func textInColour() throws {
        let output = String(decoding: try CheckFormat.text.render(try CheckRunTests.result(with: true), colored: true), as: UTF8.self)
        try CheckTestSupport.expectGolden(output, "render/expected-color.text")
    }

    @Test func noFindings() throws {
        let result = CheckResult(findings: [], skipped: [], objectCount: 1, analyzerCount: 11)
        #expect(String(decoding: try CheckFormat.text.render(result), as: UTF8.self) == "0 errors, 0 warnings, 0 info in 1 object (11 analyzers, 0 skipped)\n")
        let json = String(decoding: try CheckFormat.json.render(result), as: UTF8.self)
        #expect(json == """
            {
                "findings": [],
                "skipped": [],
                "summary": {
                    "error": 0,
                    "info": 0,
                    "warning": 0
                }
            }

            """)
    }

    @Test func sarifURIs() {
        #expect(SARIFCheckRenderer.uri("data/a b/vs.yaml") == "data/a%20b/vs.yaml")
        #expect(SARIFCheckRenderer.uri("/tmp/ü.yaml") == "file:///tmp/%C3%BC.yaml")
    }
}
