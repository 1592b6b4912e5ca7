import MeshDumpCore

/// Where an object lives in a meshdump tree: `<namespace>/<resource>/<name>.yaml`, the layout
/// of kubedump.sh, with cluster-scoped objects under `_cluster/<resource>/`.
public struct TreeLayout: Sendable {
    /// The folder that holds cluster-scoped objects (`_` cannot start a namespace name).
    public static let clusterScopedFolder = "_cluster"
    /// The longest name Kubernetes allows, and the longest meshdump writes as a file name.
    public static let maximumNameLength = 253

    public var format: ObjectFormat

    public init(format: ObjectFormat = .yaml) {
        self.format = format
    }

    /// The plural resource name of an object's kind: the one its API server serves it under
    /// when it came from a cluster, else from the kinds table, else guessed as kubectl guesses
    /// (`Policy` → `policies`).
    public func resource(of object: Object) -> String {
        if case .cluster(_, let path) = object.origin, let resource = Self.resource(inObjectPath: path) { return resource }
        return resource(of: object.id)
    }

    /// The resource name for an identity alone: from the kinds table, else guessed.
    public func resource(of id: ObjectID) -> String {
        if let kind = IstioKinds.kind(group: id.group, kind: id.kind) { return kind.resource }
        return Self.guessPlural(id.kind)
    }

    /// `virtualservices` in `/apis/networking.istio.io/v1/namespaces/NS/virtualservices/NAME`.
    static func resource(inObjectPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[1] == "api" || parts[1] == "apis" else { return nil }
        return String(parts[parts.count - 2])
    }

    /// kubectl's `UnsafeGuessKindToResource`.
    static func guessPlural(_ kind: String) -> String {
        let lower = kind.lowercased()
        if lower.hasSuffix("s") { return lower + "es" }
        if lower.hasSuffix("y") { return lower.dropLast() + "ies" }
        return lower + "s"
    }

    /// The object's path relative to the tree's root (under `folder` when given, as for one
    /// context of several); throws when its namespace or name is not a name at all (empty,
    /// `.`, `..`, with `/` or NUL, longer than 253 bytes). Other names are made file names by
    /// `TreeNames`.
    public func relativePath(of object: Object, folder: String? = nil) throws(ObjectError) -> String {
        let id = object.id
        try Self.check(id.name, "name", object)
        if !id.namespace.isEmpty { try Self.check(id.namespace, "namespace", object) }
        return relativePath(of: id, resource: resource(of: object), folder: folder)
    }

    /// Where an object of this identity goes, its name not checked (for messages and diffs of
    /// objects already read).
    public func relativePath(of id: ObjectID, resource: String? = nil, folder: String? = nil) -> String {
        let namespaceFolder = id.namespace.isEmpty ? Self.clusterScopedFolder : TreeNames.component(id.namespace)
        let path = "\(namespaceFolder)/\(resource ?? self.resource(of: id))/" + TreeNames.file(id.name, extension: format.fileExtension)
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
