/// A Kubernetes label selector in its string form, as `kubectl -l` takes it:
/// `app=web,tier!=db,env in (prod,staging),release notin (canary),team,!legacy`.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// One comma-separated part of a selector.
    public enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, [String])
        case notIn(String, [String])
        case exists(String)
        case notExists(String)
    }

    public var requirements: [Requirement]
    public let text: String

    /// Parses a selector; throws a message naming the part that is wrong.
    public init(parsing text: String) throws(LabelSelectorError) {
        self.text = text
        var scanner = Scanner(text)
        var requirements: [Requirement] = []
        repeat {
            requirements.append(try scanner.requirement())
        } while try scanner.comma()
        self.requirements = requirements
    }

    /// A selector requiring each label to have its value (the mapping form, `{app: web}`).
    public init(equalities: [(key: String, value: String)]) {
        requirements = equalities.map { .equals($0.key, $0.value) }
        text = equalities.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Whether `labels` satisfy every requirement (a missing label satisfies `!=` and `notin`,
    /// as in Kubernetes).
    public func matches(_ labels: (String) -> String?) -> Bool {
        requirements.allSatisfy { r in
            switch r {
            case .equals(let k, let v): labels(k) == v
            case .notEquals(let k, let v): labels(k) != v
            case .isIn(let k, let vs): labels(k).map { vs.contains($0) } ?? false
            case .notIn(let k, let vs): labels(k).map { !vs.contains($0) } ?? true
            case .exists(let k): labels(k) != nil
            case .notExists(let k): labels(k) == nil
            }
        }
    }

    public var description: String { text }

    /// Reads the selector grammar over the text's characters.
    private struct Scanner {
        let text: String
        var rest: Substring

        init(_ text: String) {
            self.text = text
            rest = Substring(text)
        }

        func fail(_ reason: String) -> LabelSelectorError {
            LabelSelectorError(selector: text, reason: reason)
        }

        mutating func skipSpace() { rest = rest.drop(while: { $0 == " " || $0 == "\t" }) }

        mutating func word() -> String {
            skipSpace()
            let w = rest.prefix(while: { !" \t,()=!".contains($0) })
            rest = rest.dropFirst(w.count)
            return String(w)
        }

        mutating func take(_ s: String) -> Bool {
            skipSpace()
            guard rest.hasPrefix(s) else { return false }
            rest = rest.dropFirst(s.count)
            return true
        }

        mutating func comma() throws(LabelSelectorError) -> Bool {
            skipSpace()
            if rest.isEmpty { return false }
            guard take(",") else { throw fail("expected \",\" before \"\(rest)\"") }
            return true
        }

        func key(_ k: String) throws(LabelSelectorError) -> String {
            guard !k.isEmpty else { throw fail(rest.isEmpty ? "a label key is missing at the end" : "expected a label key at \"\(rest)\"") }
            guard KubernetesNames.isLabelKey(k) else { throw fail("\"\(k)\" is not a valid label key") }
            return k
        }

        func value(_ v: String) throws(LabelSelectorError) -> String {
            guard KubernetesNames.isLabelValue(v) else { throw fail("\"\(v)\" is not a valid label value") }
            return v
        }

        mutating func requirement() throws(LabelSelectorError) -> Requirement {
            if take("!") { return .notExists(try key(word())) }
            let k = try key(word())
            if take("==") || take("=") { return .equals(k, try value(word())) }
            if take("!=") { return .notEquals(k, try value(word())) }
            let saved = rest
            switch word() {
            case "in": return .isIn(k, try set())
            case "notin": return .notIn(k, try set())
            case "": return .exists(k)
            case let other:
                rest = saved
                throw fail("expected \"=\", \"!=\", \"in\" or \"notin\" after \"\(k)\", not \"\(other)\"")
            }
        }

        mutating func set() throws(LabelSelectorError) -> [String] {
            guard take("(") else { throw fail("expected \"(\" after in/notin") }
            var values: [String] = []
            repeat {
                values.append(try value(word()))
            } while take(",")
            guard take(")") else { throw fail("expected \")\" to close the set") }
            return values
        }
    }
}

/// A selector that does not parse.
public struct LabelSelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public var selector: String
    public var reason: String
    public var description: String { "invalid label selector \"\(selector)\": \(reason)" }
}
