import Foundation
import Testing
import TestSupport
@testable import MeshDumpCore

/// Reading inputs in chunks: bounded memory, limits, and line and column marks that stay right
/// once the start of the input is gone.
struct InputBytesTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let path = try TestPaths.temporaryDirectory() + "/input"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readAllReturnsASmallFileWhole() throws {
        let bytes = Array("apiVersion: v1\n".utf8)
        #expect(try InputBytes.readAll(path: try file(bytes)) == bytes)
    }

    @Test func readAllRefusesAFileOverItsLimit() throws {
        let path = try file(Array(repeating: 0x61, count: 4097))
        #expect(throws: InputError(path: path, message: "larger than 4096 bytes, the most such a file may hold")) {
            try InputBytes.readAll(path: path, limit: 4096)
        }
        let exact = try file(Array(repeating: 0x61, count: 4096))
        #expect(try InputBytes.readAll(path: exact, limit: 4096).count == 4096)
    }

    @Test func aDirectoryIsRefused() throws {
        let dir = try TestPaths.temporaryDirectory()
        #expect(throws: InputError(path: dir, message: "is a directory")) { try InputBytes.read(path: dir) }
    }

    @Test func marksStayRightAfterTheStartIsReleased() throws {
        // Lines of 3 to 99 "é" (two bytes, one column each), 3 MB in all.
        var bytes: [UInt8] = []
        var lineStarts: [Int] = []
        while bytes.count < 3 << 20 {
            lineStarts.append(bytes.count)
            bytes += Array(String(repeating: "é", count: 3 + lineStarts.count % 97).utf8) + [0x0A]
        }
        let input = try InputBytes.read(path: try file(bytes))
        var checked = 0
        for (i, start) in lineStarts.enumerated() where i % 500 == 7 {
            while input.windowEnd < start + 4 { #expect(try input.fill()) }
            #expect(input.mark(at: start + 4) == Mark(line: i + 1, column: 3))
            input.release(before: start)
            checked += 1
        }
        #expect(input.windowStart > 1 << 20)
        #expect(checked > 10)
        #expect(input.window.count < 2 * InputBytes.chunkSize)
    }
}
