import MeshDumpCore
import Testing
@testable import MeshDump

/// The public RFC 6902 suite (json-patch-tests), run on plain JSON values so every case counts,
/// disabled ones included.
struct JSONPatchSuiteTests {
    static let cases: [JSONTestCases.Case] = {
        (try? JSONTestCases.load("testdata/json-patch-tests/tests.json")) ?? []
    }() + ((try? JSONTestCases.load("testdata/json-patch-tests/spec_tests.json")) ?? [])

    @Test func suiteIsPresent() {
        // tests.json has 95 records and spec_tests.json 17; a missing file must fail, not pass empty.
        #expect(Self.cases.count == 112)
    }

    @Test(arguments: cases.filter { $0.doc != nil && $0.patch != nil })
    func suiteCase(_ c: JSONTestCases.Case) throws {
        let outcome: Result<Value, Error> = Result {
            let patch = try JSONPatch(parsing: try c.patch!.get())
            return try patch.apply(to: c.doc!)
        }
        if let expected = c.expected {
            let value = try outcome.get()
            #expect(value == expected, "\(c)")
        } else if c.error != nil {
            #expect(throws: (any Error).self, "\(c): expected \(c.error!)") { try outcome.get() }
        } else {
            // Cases with neither: the patch must simply apply.
            _ = try outcome.get()
        }
    }
}

/// Behaviour the suite leaves open, pinned.
struct JSONPatchTests {
    @Test func failedTestIsReportedAsSuch() throws {
        let patch = try JSONPatch(parsing: [["op": "test", "path": "/a", "value": 1], ["op": "add", "path": "/b", "value": 2]])
        #expect(throws: JSONPatchError(operation: 0, reason: .testFailed(try JSONPointer(parsing: "/a")))) {
            try patch.apply(to: ["a": 2])
        }
    }

    @Test func numbersTestEqualByValue() throws {
        let patch = try JSONPatch(parsing: [["op": "test", "path": "/a", "value": .float("1.0")]])
        #expect(try patch.apply(to: ["a": 1]) == ["a": 1])
    }

    @Test func addKeepsMemberOrderAndAppendsNewMembers() throws {
        let patch = try JSONPatch(parsing: [["op": "add", "path": "/b", "value": 9], ["op": "add", "path": "/z", "value": 0]])
        let result = try patch.apply(to: ["a": 1, "b": 2, "c": 3])
        #expect(result.mappingValue?.keys == ["a", "b", "c", "z"])
        #expect(result["b"] == 9)
    }

    @Test func failingPatchLeavesInputUntouched() throws {
        let input: Value = ["a": ["b": [1, 2]]]
        let patch = try JSONPatch(parsing: [["op": "remove", "path": "/a/b/0"], ["op": "remove", "path": "/x"]])
        #expect(throws: JSONPatchError.self) { try patch.apply(to: input) }
        #expect(input == ["a": ["b": [1, 2]]])
    }

    @Test func missingParentIsNamed() throws {
        let patch = try JSONPatch(parsing: [["op": "add", "path": "/a/b/c", "value": 1]])
        #expect(throws: JSONPatchError(operation: 0, reason: .notFound(try JSONPointer(parsing: "/a")))) {
            try patch.apply(to: [:])
        }
    }

    @Test func errorsNameTheOperationAndPointer() throws {
        let patch = try JSONPatch(parsing: [["op": "replace", "path": "/spec/x", "value": 1]])
        do {
            _ = try patch.apply(to: ["spec": [:]])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "operation 0: /spec/x does not exist")
        }
    }
}
