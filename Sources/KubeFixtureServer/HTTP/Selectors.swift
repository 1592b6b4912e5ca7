import Foundation

/// A label selector (`app=x,tier!=db,env in (a,b),!legacy`), as the API server parses it.
struct LabelSelector: Sendable {
    private enum Requirement {
        case equals(String, String), notEquals(String, String)
        case isIn(String, Set<String>), notIn(String, Set<String>)
        case exists(String), notExists(String)
    }

    private var requirements: [Requirement] = []

    init(parsing text: String) throws(SelectorError) {
        for raw in Self.splitTopLevel(text) {
            let term = raw.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            if let range = term.range(of: " notin ") ?? term.range(of: " in ") {
                let key = term[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let list = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("("), list.hasSuffix(")") else { throw SelectorError("unable to parse requirement: \(term)") }
                let values = Set(list.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                requirements.append(term[range].contains("notin") ? .notIn(key, values) : .isIn(key, values))
            } else if let range = term.range(of: "!=") {
                requirements.append(.notEquals(String(term[..<range.lowerBound]), String(term[range.upperBound...])))
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                requirements.append(.equals(String(term[..<range.lowerBound]), String(term[range.upperBound...])))
            } else if term.hasPrefix("!") {
                requirements.append(.notExists(String(term.dropFirst())))
            } else {
                guard !term.contains(" ") else { throw SelectorError("unable to parse requirement: \(term)") }
                requirements.append(.exists(term))
            }
        }
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let k, let v): labels[k] == v
            case .notEquals(let k, let v): labels[k] != v
            case .isIn(let k, let vs): labels[k].map(vs.contains) ?? false
            case .notIn(let k, let vs): !(labels[k].map(vs.contains) ?? false)
            case .exists(let k): labels[k] != nil
            case .notExists(let k): labels[k] == nil
            }
        }
    }

    var isEmpty: Bool { requirements.isEmpty }

    /// Splits on commas outside parentheses.
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == ",", depth == 0 { parts.append(current); current = "" } else { current.append(c) }
        }
        parts.append(current)
        return parts
    }
}

/// A field selector on `metadata.name` and `metadata.namespace` (the fields custom resources
/// support), with `=`, `==` and `!=`.
struct FieldSelector: Sendable {
    private var terms: [(field: String, value: String, equal: Bool)] = []

    init(parsing text: String) throws(SelectorError) {
        for term in text.split(separator: ",") where !term.isEmpty {
            let (field, value, equal): (Substring, Substring, Bool)
            if let r = term.range(of: "!=") {
                (field, value, equal) = (term[..<r.lowerBound], term[r.upperBound...], false)
            } else if let r = term.range(of: "==") ?? term.range(of: "=") {
                (field, value, equal) = (term[..<r.lowerBound], term[r.upperBound...], true)
            } else {
                throw SelectorError("invalid field selector: \(term)")
            }
            guard field == "metadata.name" || field == "metadata.namespace" else {
                throw SelectorError("field label not supported: \(field)")
            }
            terms.append((String(field), String(value), equal))
        }
    }

    func matches(namespace: String, name: String) -> Bool {
        terms.allSatisfy { term in
            let actual = term.field == "metadata.name" ? name : namespace
            return (actual == term.value) == term.equal
        }
    }
}

struct SelectorError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
