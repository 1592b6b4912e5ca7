import Foundation
import MeshDumpCore

/// What a fixture server serves: resource types and their objects, each with the fields a real
/// API server adds, kept in the server's list order (by `namespace/name`).
///
/// Build it (`add`, `load(paths:)`, `ClusterGenerator`), then hand it to the server, which
/// changes it as clients write (server-side apply, create, delete).
public struct FixtureCluster: Sendable {
    public private(set) var types: [ResourceType]
    /// The preferred version of a group when it is not the first version of its first type.
    public var preferredVersions: [String: String] = [:]
    /// Objects by `ResourceType.id` (group and kind), in list order once sealed.
    var objects: [String: [StoredObject]] = [:]
    var sorted = true
    /// The resourceVersion of the newest write, which lists report.
    public internal(set) var resourceVersion = 1000

    /// A cluster serving namespaces, secrets, config maps and every Istio kind meshdump knows.
    public init(types: [ResourceType] = [.namespace, .secret, .configMap] + IstioKinds.all.map(ResourceType.init)) {
        self.types = types
    }

    public var objectCount: Int { objects.values.reduce(0) { $0 + $1.count } }

    /// Adds one object. Its apiVersion and kind pick the resource type (an unknown kind gets a
    /// type of its own); server-side fields it lacks are added.
    public mutating func add(_ value: Value) throws {
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        let kind = value["kind"]?.stringValue ?? ""
        let (group, version) = ObjectID.split(apiVersion: apiVersion)
        let namespaced = value[path: ["metadata", "namespace"]]?.stringValue.map { !$0.isEmpty } ?? false
        let index: Int
        if let found = types.firstIndex(where: { $0.group == group && $0.kind == kind }) {
            index = found
            if !types[index].versions.contains(version) { types[index].versions.append(version) }
        } else {
            types.append(.guessed(group: group, version: version, kind: kind, namespaced: namespaced))
            index = types.count - 1
        }
        resourceVersion += 1
        let type = types[index]
        let stored = try StoredObject(value: ServerFields.add(to: GoNumbers.normalize(value), type: type, resourceVersion: resourceVersion))
        objects[type.id, default: []].append(stored)
        sorted = false
    }

    /// Adds every object in these files and folders (read recursively, `.yaml`, `.yml`, `.json`).
    public mutating func load(paths: [String]) throws {
        for file in try Self.files(paths) {
            let decoder = ObjectDecoder(try InputBytes.read(path: file))
            while let object = try decoder.next() { try add(object.value) }
        }
    }

    /// Restricts a group to `versions` (dropping kinds served at none of them) and makes
    /// `preferred` its preferred version, to play older or newer Istio releases.
    public mutating func serve(group: String, versions: [String], preferred: String) {
        for i in types.indices where types[i].group == group {
            types[i].versions = types[i].versions.filter(versions.contains)
        }
        let dropped = Set(types.filter { $0.group == group && $0.versions.isEmpty })
        types.removeAll { dropped.contains($0) }
        for type in dropped { objects[type.id] = nil }
        preferredVersions[group] = preferred
    }

    /// Sorts the objects and creates the namespaces objects live in but no fixture declared.
    public mutating func seal() {
        let declared = Set((objects[ResourceType.namespace.id] ?? []).map(\.name))
        let used = Set(objects.values.flatMap { $0.map(\.namespace) })
        for name in used.subtracting(declared).sorted() where !name.isEmpty {
            try? add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
        }
        for id in objects.keys {
            objects[id]!.sort { $0.key.lexicographicallyPrecedes($1.key) }
        }
        sorted = true
    }

    /// The sorted objects of a type.
    func items(_ type: ResourceType) -> [StoredObject] {
        precondition(sorted, "seal() the cluster before serving it")
        return objects[type.id] ?? []
    }

    private static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "No such file or directory")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .sorted().map { "\(path)/\($0)" }
        }
        return files
    }
}
