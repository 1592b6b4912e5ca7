import Foundation
import MeshDump
import MeshDumpCore
import Testing
import TestSupport

/// The spool apply keeps its objects in between phases: what goes in comes out, byte for byte and
/// in order, on every pass, across chunk boundaries, and no file is left behind.
@Suite struct ObjectSpoolTests {
    static func value(_ i: Int) -> Value {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string("cm-\(i)"), "namespace": "a"],
         "data": ["text": .string(String(repeating: "line \(i)\n", count: i % 50)), "n": .float("1.50"), "big": .int("12345678901234567890")]]
    }

    @Test func valuesComeBackInOrderOnEveryPass() throws {
        let folder = try TestPaths.temporaryDirectory()
        let spool = try ObjectSpool(temporaryFolder: folder)
        for i in 0..<2000 { try spool.append(line: try ObjectSpool.line(Self.value(i))) }
        try spool.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "the spool has no name in the folder")

        let all = spool.reader()
        var read: [Value] = []
        while let line = try all.next() {
            #expect(!line.contains(0x0A))
            read += try JSONReader.values(line, source: "spool")
        }
        #expect(read == (0..<2000).map(Self.value))
        #expect(read[7]["data"]?["n"] == .float("1.50") && read[7]["data"]?["big"] == .int("12345678901234567890"))

        let everyOther = spool.reader()
        for i in stride(from: 0, to: 2000, by: 2) {
            #expect(try everyOther.skip())
            #expect(try everyOther.next() == (try ObjectSpool.line(Self.value(i + 1))))
        }
        #expect(try everyOther.next() == nil)
    }

    @Test func anEmptySpoolReadsNothing() throws {
        let spool = try ObjectSpool()
        try spool.finish()
        #expect(try spool.reader().next() == nil)
        #expect(try !spool.reader().skip())
    }
}
