import Testing
@testable import MeshDumpCore

struct LabelSelectorTests {
    static let labels = ["app": "web", "env": "prod", "app.kubernetes.io/managed-by": "tcm"]

    @Test(arguments: [
        ("app=web", true), ("app==web", true), ("app!=web", false), ("app=db", false),
        ("env in (prod,staging)", true), ("env in (staging)", false), ("env notin (staging)", true),
        ("tier notin (db)", true), ("tier!=db", true), ("app", true), ("!app", false), ("!tier", true),
        ("app=web, env = prod", true), ("app.kubernetes.io/managed-by=tcm", true), ("app=web,!legacy,env in (prod)", true),
    ])
    func matches(_ text: String, _ expected: Bool) throws {
        #expect(try LabelSelector(parsing: text).matches { Self.labels[$0] } == expected)
    }

    @Test(arguments: [
        ("", "a label key is missing at the end"), ("app=web,", "a label key is missing at the end"),
        ("app in (a", "expected \")\" to close the set"), ("app in a", "expected \"(\" after in/notin"),
        ("app ~ b", "expected \"=\", \"!=\", \"in\" or \"notin\" after \"app\", not \"~\""), ("app=we b", "expected \",\" before \"b\""),
        ("-app=x", "\"-app\" is not a valid label key"), ("app=-x", "\"-x\" is not a valid label value"),
        ("app=web env=prod", "expected \",\" before \"env=prod\""),
    ])
    func errors(_ text: String, _ reason: String) {
        #expect(throws: LabelSelectorError(selector: text, reason: reason)) { try LabelSelector(parsing: text) }
    }
}
