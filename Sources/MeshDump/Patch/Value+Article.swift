import MeshDumpCore

extension Value {
    /// `an integer`, `a list`, … for messages.
    var typeNameWithArticle: String {
        (typeName.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + typeName
    }
}
