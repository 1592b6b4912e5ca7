import Foundation
@testable import MeshDumpCore
import TestSupport

/// Reads the JSON Patch suite's case files one member at a time, so a case whose patch repeats a
/// member (which meshdump's strict parser rejects) fails only its own patch, not the whole file.
struct JSONTestCases {
    /// One record of the suite, each member parsed on its own.
    struct Case: CustomStringConvertible {
        var file: String
        var index: Int
        var comment: String?
        var doc: Value?
        /// The patch, or the error reading it.
        var patch: Result<Value, ReadError>?
        var expected: Value?
        var error: String?
        var disabled: Bool

        var description: String { "\(file)#\(index) \(comment ?? "")" }
    }

    /// The cases of a suite file relative to the package root.
    static func load(_ relativePath: String) throws -> [Case] {
        let url = TestPaths.packageRoot.appendingPathComponent(relativePath)
        let bytes = Array(try Data(contentsOf: url))
        var cases: [Case] = []
        for (i, element) in try JSONTestCases.members(of: bytes, in: 0..<bytes.count).enumerated() {
            var c = Case(file: url.lastPathComponent, index: i, disabled: false)
            for (key, range) in try JSONTestCases.members(of: bytes, in: element.range) {
                let parsed = parse(bytes, range)
                switch key {
                case "comment": c.comment = try parsed.get().stringValue
                case "doc": c.doc = try parsed.get()
                case "patch": c.patch = parsed
                case "expected": c.expected = try parsed.get()
                case "error": c.error = try parsed.get().stringValue
                case "disabled": c.disabled = try parsed.get() == .bool(true)
                default: break
                }
            }
            cases.append(c)
        }
        return cases
    }

    private static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Result<Value, ReadError> {
        bytes.withUnsafeBufferPointer { buffer -> Result<Value, ReadError> in
            var parser = JSONParser(UnsafeBufferPointer(rebasing: buffer[range]), source: "case")
            parser.skipWhitespace()
            return Result { () throws(ReadError) -> Value in try parser.parseValue() }
        }
    }

    /// The members of the array or object starting in `range`: for an array, its elements with an
    /// empty key; for an object, each key with its value's bytes (repeated keys kept).
    static func members(of bytes: [UInt8], in range: Range<Int>) throws -> [(key: String, range: Range<Int>)] {
        var i = range.lowerBound
        func skipSpace() { while i < range.upperBound, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 } }
        func skipValue() throws {
            var depth = 0
            repeat {
                switch bytes[i] {
                case UInt8(ascii: "\""): try skipString()
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; i += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1; i += 1
                default:
                    if depth == 0 {
                        while i < range.upperBound, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[i]) { i += 1 }
                        return
                    }
                    i += 1
                }
            } while depth > 0
        }
        func skipString() throws {
            i += 1
            while bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
            i += 1
        }
        skipSpace()
        let isObject = bytes[i] == UInt8(ascii: "{")
        i += 1
        var out: [(String, Range<Int>)] = []
        while true {
            skipSpace()
            if bytes[i] == UInt8(ascii: "]") || bytes[i] == UInt8(ascii: "}") { break }
            var key = ""
            if isObject {
                let start = i
                try skipString()
                key = String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self)
                skipSpace()
                i += 1  // ':'
                skipSpace()
            }
            let start = i
            try skipValue()
            out.append((key, start..<i))
            skipSpace()
            if bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
        return out
    }
}
