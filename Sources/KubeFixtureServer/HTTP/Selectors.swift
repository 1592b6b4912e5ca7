import Foundation

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
