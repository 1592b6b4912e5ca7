/// The tool that manages an ApplySet, as its parent's tooling annotation names it:
/// `<name>/<version>` (`meshdump/v0.1.0`, `kubectl/v1.32`). Tools refuse sets of other tools.
public struct ApplySetTooling: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// meshdump at `version` (`0.1.0` or `v0.1.0`), written `meshdump/v0.1.0`.
    public static func meshdump(version: String) -> ApplySetTooling {
        ApplySetTooling(name: "meshdump", version: version.hasPrefix("v") ? version : "v" + version)
    }

    public var description: String { "\(name)/\(version)" }

    /// The tool an annotation names: everything before its last `/` (`example.com/tool/v1` →
    /// `example.com/tool`), or the whole value when it has none, as kubectl reads it.
    public static func toolName(in annotation: String) -> String {
        guard let slash = annotation.lastIndex(of: "/") else { return annotation }
        return String(annotation[..<slash])
    }
}
