import Testing
@testable import KubeFixtureServer

/// Query parameters read as the API server reads them.
struct QueryTextTests {
    @Test func parametersAreUnescaped() {
        #expect(QueryText.parameters("fieldManager=meshdump&dryRun=All&force") == ["fieldManager": "meshdump", "dryRun": "All", "force": ""])
        #expect(QueryText.parameters("labelSelector=applyset.kubernetes.io%2Fpart-of%3Dapplyset-x-v1&q=a+b%20c")
            == ["labelSelector": "applyset.kubernetes.io/part-of=applyset-x-v1", "q": "a b c"])
        #expect(QueryText.parameters("name=%C3%A9t%C3%A9&k%3D=v") == ["name": "été", "k=": "v"])
    }

    @Test func malformedEscapesAreKeptAsSent() {
        #expect(QueryText.unescape("100%") == "100%")
        #expect(QueryText.unescape("a+%zz") == "a+%zz")
        #expect(QueryText.unescape("%FF") == "%FF", "not UTF-8")
    }
}
