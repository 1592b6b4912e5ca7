/// Kubernetes' version priority (`CompareKubeAwareVersionStrings`): GA before beta before alpha,
/// higher major first, then higher minor (`v2 > v1 > v1beta2 > v1beta1 > v1alpha3`); versions
/// that do not look like Kubernetes versions come last, in string order.
enum KubeVersionOrder {
    /// Whether `a` comes before (is newer than) `b`.
    static func isNewer(_ a: String, than b: String) -> Bool {
        switch (parse(a), parse(b)) {
        case let (x?, y?):
            if x.stage != y.stage { return x.stage > y.stage }
            if x.major != y.major { return x.major > y.major }
            return x.minor > y.minor
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a < b
        }
    }

    /// `v1beta2` → stage 1 (0 alpha, 1 beta, 2 GA), major 1, minor 2.
    private static func parse(_ version: String) -> (stage: Int, major: Int, minor: Int)? {
        guard version.hasPrefix("v") else { return nil }
        let rest = version.dropFirst()
        let majorDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let major = Int(majorDigits), major > 0 else { return nil }
        let tail = rest.dropFirst(majorDigits.count)
        if tail.isEmpty { return (2, major, 0) }
        for (word, stage) in [("alpha", 0), ("beta", 1)] where tail.hasPrefix(word) {
            guard let minor = Int(tail.dropFirst(word.count)), minor > 0 else { return nil }
            return (stage, major, minor)
        }
        return nil
    }
}
