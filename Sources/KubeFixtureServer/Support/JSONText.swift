import MeshDumpCore

/// Small pieces of JSON written by hand around stored object bytes.
enum JSONText {
    static func appendString(_ s: String, to output: inout [UInt8]) {
        try? JSONWriter.write(.string(s), compact: true, to: &output)
    }

    static func bytes(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        try? JSONWriter.write(value, compact: true, to: &out)
        return out
    }
}
