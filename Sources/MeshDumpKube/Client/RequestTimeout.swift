/// Parses `--request-timeout` as kubectl does (client-go's `ParseTimeout`): a whole number of
/// seconds (`30`), or a Go duration (`30s`, `1m`, `1h30m`, `1.5s`, `500ms`); `0` means no timeout.
public enum RequestTimeout {
    /// The timeout, or nil for none.
    public static func parse(_ text: String) throws(KubeConfigError) -> Duration? {
        let nanoseconds: Double
        if let seconds = Int(text), seconds >= 0 {
            nanoseconds = Double(seconds) * 1e9
        } else if let parsed = goDuration(text), parsed >= 0 {
            nanoseconds = parsed
        } else {
            throw KubeConfigError("--request-timeout \"\(text)\": give whole seconds or a number with a unit (30s, 2m, 1h); 0 means no timeout")
        }
        guard nanoseconds < 1e18 else { throw KubeConfigError("--request-timeout \"\(text)\" is too long") }
        return nanoseconds == 0 ? nil : .nanoseconds(Int64(nanoseconds))
    }

    /// Units of Go's `time.ParseDuration`, in nanoseconds.
    private static let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]

    /// Go's duration syntax: a sign, then one or more decimal numbers each with a unit.
    private static func goDuration(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "-" || rest.first == "+" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        return sign * total
    }
}
