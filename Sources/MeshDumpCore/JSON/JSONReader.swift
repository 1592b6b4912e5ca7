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
}
