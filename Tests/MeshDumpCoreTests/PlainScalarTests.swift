import Testing
@testable import MeshDumpCore

/// Plain scalars resolve as go-yaml v2 (kubectl) resolves them.
struct PlainScalarTests {
    @Test(arguments: [
        ("yes", Value.bool(true)), ("Yes", .bool(true)), ("YES", .bool(true)), ("y", .bool(true)), ("Y", .bool(true)),
        ("on", .bool(true)), ("On", .bool(true)), ("ON", .bool(true)), ("true", .bool(true)), ("True", .bool(true)),
        ("TRUE", .bool(true)), ("no", .bool(false)), ("No", .bool(false)), ("NO", .bool(false)), ("n", .bool(false)),
        ("N", .bool(false)), ("off", .bool(false)), ("Off", .bool(false)), ("OFF", .bool(false)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("0755", .int("493")), ("0x1F", .int("31")), ("0b101", .int("5")), ("0o17", .int("15")), ("1_000", .int("1000")),
        ("+12", .int("12")), ("-0", .int("0")), ("12345678901234567890", .int("12345678901234567890")),
        ("-9223372036854775808", .int("-9223372036854775808")),
        ("1.50", .float("1.50")), ("1e3", .float("1e3")), ("0.1", .float("0.1")), (".5", .float("0.5")),
        ("+1.5", .float("1.5")), ("1.", .float("1.0")), ("08", .float("8")), ("-.5", .float("-0.5")),
        (".inf", .float(".inf")), ("-.Inf", .float("-.inf")), (".NaN", .float(".nan")),
        ("1e400", .string("1e400")), ("0x", .string("0x")), ("1:20", .string("1:20")), ("2024-01-01", .string("2024-01-01")),
        ("2023-02-30", .string("2023-02-30")), ("yes please", .string("yes please")), ("<<", .string("<<")),
        ("-", .string("-")), (".", .string(".")), ("0xFFFFFFFFFFFFFFFFFF", .string("0xFFFFFFFFFFFFFFFFFF")),
    ])
    func resolves(_ text: String, _ expected: Value) {
        #expect(Self.stored(PlainScalar.value(text)) == Self.stored(expected))
    }

    /// The case and the exact text a scalar is stored as: `==` compares numbers by value, so
    /// `.float(".5")` equals `.float("0.5")` and would hide a missing normalisation.
    static func stored(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "bool \(b)"
        case .int(let t): "int \(t)"
        case .float(let t): "float \(t)"
        case .string(let s): "string \(s)"
        case .sequence, .mapping: "\(value.typeName)"
        }
    }

    @Test func storedTextTellsUnnormalisedNumbersApart() {
        #expect(Value.float(".5") == .float("0.5"))
        #expect(Self.stored(.float(".5")) != Self.stored(.float("0.5")))
        #expect(Self.stored(.int("08")) != Self.stored(.float("8")))
    }

    @Test(arguments: ["2024-01-01", "2024-1-1", "2024-01-01T10:00:00Z", "2024-01-01t10:00:00.5+02:00", "2024-01-01 10:00:00", "2024-02-29"])
    func timestampsAreQuotedStrings(_ text: String) {
        #expect(PlainScalar.resolve(text) == .timestamp)
        #expect(!PlainScalar.isPlainString(text))
    }

    @Test(arguments: ["1:20", "-1:20:30", "190:20:30.15"])
    func base60IsAStringThatIsQuoted(_ text: String) {
        #expect(PlainScalar.resolve(text) == .string)
        #expect(!PlainScalar.isPlainString(text))
    }

    @Test(arguments: ["reviews", "a: b", "x #y", "ünï", "2023-02-30", "1.2.3"])
    func plainStrings(_ text: String) {
        #expect(PlainScalar.isPlainString(text))
    }
}
