import MeshDumpCore

/// Where an object lives in a meshdump tree: `<namespace>/<resource>/<name>.yaml`, the layout
/// of kubedump.sh, with cluster-scoped objects under `_cluster/<resource>/`.
public struct TreeLayout: Sendable {
    /// The folder that holds cluster-scoped objects (`_` cannot start a namespace name).
    public static let clusterScopedFolder = "_cluster"
    /// The longest name Kubernetes allows, and the longest meshdump writes as a file name.
    public static let maximumNameLength = 253

    /// Resource names for kinds the table does not know (from discovery), by group and kind.
    public var extraResources: [String: String]
    public var format: ObjectFormat

    public init(extraResources: [String: String] = [:], format: ObjectFormat = .yaml) {
        self.extraResources = extraResources
        self.format = format
    }

    /// The plural resource name of an object's kind: from the kinds table, then from discovery,
    /// then guessed as kubectl guesses (`Policy` → `policies`).
    public func resource(of id: ObjectID) -> String {
        if let kind = IstioKinds.kind(group: id.group, kind: id.kind) { return kind.resource }
        if let resource = extraResources[id.group + "/" + id.kind] { return resource }
        return Self.guessPlural(id.kind)
    }

    /// kubectl's `UnsafeGuessKindToResource`.
    static func guessPlural(_ kind: String) -> String {
        let lower = kind.lowercased()
        if lower.hasSuffix("s") { return lower + "es" }
        if lower.hasSuffix("y") { return lower.dropLast() + "ies" }
        return lower + "s"
    }

    /// The object's path relative to the tree's root (under `folder` when given, as for one
    /// context of several); throws when its namespace or name could escape the tree or make an
    /// impossible file name. `resource` overrides the kind's resource name (from discovery).
    public func relativePath(of object: Object, resource: String? = nil, folder: String? = nil) throws(ObjectError) -> String {
        let id = object.id
        try Self.check(id.name, "name", object)
        if !id.namespace.isEmpty { try Self.check(id.namespace, "namespace", object) }
        let namespaceFolder = id.namespace.isEmpty ? Self.clusterScopedFolder : id.namespace
        let path = "\(namespaceFolder)/\(resource ?? self.resource(of: id))/\(id.name).\(format.fileExtension)"
        return folder.map { "\($0)/\(path)" } ?? path
    }

    private static func check(_ part: String, _ label: String, _ object: Object) throws(ObjectError) {
        let problem: String?
        if part.utf8.count > maximumNameLength {
            problem = "is longer than \(maximumNameLength) bytes"
        } else if part.contains("/") {
            problem = "contains \"/\""
        } else if part.utf8.contains(0) {
            problem = "contains a NUL byte"
        } else if part == "." || part == ".." || part.isEmpty {
            problem = "is \"\(part)\""
        } else {
            problem = nil
        }
        if let problem {
            throw ObjectError(origin: object.origin, message: "\(object.id): the \(label) \(problem), so it cannot be a file in the tree")
        }
    }
}
