/// Reads JSON text that is not necessarily a Kubernetes object: one value or a stream of values
/// separated by whitespace (as `kubectl get -o json` prints several objects, or as JSON Lines).
public enum JSONReader {
    /// Every value in `bytes`, in order.
    public static func values(_ bytes: some Collection<UInt8>, source: String) throws(ReadError) -> [Value] {
        let input = InputBytes(bytes, source: source)
        return try withExtendedLifetime(input) { () throws(ReadError) -> [Value] in
            var parser = JSONParser(input.window, source: input.displayName)
            var values: [Value] = []
            while true {
                parser.skipWhitespace()
                if parser.atEnd { return values }
                values.append(try parser.parseValue())
            }
        }
    }

    /// The value at `path` (mapping keys) in the first JSON value of `bytes`, building nothing
    /// else: every other member is skipped over. Nil when a step is missing or not a mapping.
    /// Throws for JSON that is malformed on the way to it.
    public static func value(at path: [String], in bytes: [UInt8], source: String) throws(ReadError) -> Value? {
        try bytes.withUnsafeBufferPointer { buffer throws(ReadError) -> Value? in
            var parser = JSONParser(buffer, source: source)
            for key in path {
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: "{") else { return nil }
                parser.pos += 1
                var first = true
                while true {
                    guard let member = try parser.nextKey(first: &first) else { return nil }
                    if member.name == key { break }
                    try parser.skipValue()
                }
            }
            return try parser.parseValue()
        }
    }
}
