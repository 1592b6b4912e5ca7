/// The name syntaxes Kubernetes and Istio accept, for validating a rules file before it runs.
public enum KubernetesNames {
    /// A namespace name: an RFC 1123 label (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63).
    public static func isNamespace(_ s: String) -> Bool {
        isLabel(Array(s.utf8))
    }

    /// An object name: an RFC 1123 subdomain (labels joined by dots, at most 253).
    public static func isObjectName(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { isLabel(Array($0)) }
    }

    private static func isLabel(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty, b.count <= 63, isLowerAlnum(b.first!), isLowerAlnum(b.last!) else { return false }
        return b.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        isLowerAlnum(c) || (c >= 65 && c <= 90)
    }

    /// A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most
    /// 63 characters, alphanumerics with `-`, `_`, `.` inside.
    public static func isLabelKey(_ s: String) -> Bool {
        var name = Substring(s)
        if let slash = s.lastIndex(of: "/") {
            guard isObjectName(String(s[..<slash])) else { return false }
            name = s[s.index(after: slash)...]
        }
        return isQualifiedName(Array(name.utf8))
    }

    /// A label value: empty, or at most 63 alphanumerics with `-`, `_`, `.` inside.
    public static func isLabelValue(_ s: String) -> Bool {
        s.isEmpty || isQualifiedName(Array(s.utf8))
    }

    private static func isQualifiedName(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty, b.count <= 63, isAlnum(b.first!), isAlnum(b.last!) else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// A DNS host name as Istio writes hosts, optionally with a leading `*.` wildcard label.
    public static func isHost(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.hasPrefix("*.") { rest = rest.dropFirst(2) }
        guard !rest.isEmpty, rest.utf8.count <= 253 else { return false }
        return rest.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let b = Array(label.utf8)
            return !b.isEmpty && b.count <= 63 && isAlnum(b.first!) && isAlnum(b.last!)
                && b.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// A SPIFFE trust domain: a non-empty name without `/`, `:` or spaces.
    public static func isTrustDomain(_ s: String) -> Bool {
        !s.isEmpty && !s.contains(where: { $0 == "/" || $0 == ":" || $0 == " " || $0 == "*" })
    }
}
