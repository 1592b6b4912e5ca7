import MeshDumpCore

/// What flags say about the mesh; each set value wins over every other source.
public struct MeshOverrides: Sendable, Equatable {
    public var rootNamespace: String?
    public var trustDomain: String?
    public var revision: String?

    public init(rootNamespace: String? = nil, trustDomain: String? = nil, revision: String? = nil) {
        self.rootNamespace = rootNamespace
        self.trustDomain = trustDomain
        self.revision = revision
    }
}

extension MeshSettings {
    /// The settings of a check: from `file` (a MeshConfig or the `istio` ConfigMap) when given,
    /// else from the `istio` ConfigMap (`istio-REV` with a revision) in the snapshot's root
    /// namespace (the flag's, else `istio-system`; a file's, else a cluster's), else Istio's
    /// defaults; `overrides` win.
    public static func resolve(file: String?, snapshot: MeshSnapshot, overrides: MeshOverrides = MeshOverrides()) throws -> MeshSettings {
        var settings: MeshSettings
        if let file {
            settings = try read(file: file)
        } else {
            let id = configMapID(overrides)
            if let configMap = snapshot.object(.configMap, namespace: id.namespace, name: id.name) {
                settings = try MeshSettings(configMap: configMap.value, source: "ConfigMap \(configMap.fullName) (\(configMap.origin))")
            } else {
                settings = MeshSettings()
            }
        }
        if let root = overrides.rootNamespace { settings.rootNamespace = root }
        if let domain = overrides.trustDomain { settings.trustDomain = domain }
        if let revision = overrides.revision { settings.revision = revision }
        return settings
    }

    /// The ConfigMap the settings come from when no file gives them: `istio` (`istio-REV` with a
    /// revision) in the root namespace (the flag's, else `istio-system`).
    public static func configMapID(_ overrides: MeshOverrides) -> ObjectID {
        let name = overrides.revision.map { $0.isEmpty || $0 == "default" ? "istio" : "istio-\($0)" } ?? "istio"
        return ObjectID(group: "", kind: "ConfigMap", namespace: overrides.rootNamespace ?? defaultRootNamespace, name: name)
    }

    /// The settings in a file: a ConfigMap (its `data.mesh`) or a MeshConfig document.
    public static func read(file path: String) throws -> MeshSettings {
        let decoder = YAMLReader(try InputBytes.read(path: path))
        guard let document = try decoder.next(), !document.isEmpty else { return MeshSettings(meshConfig: .mapping(Mapping()), source: path) }
        guard case .mapping = document.value else {
            throw MeshConfigError(source: "\(path):\(document.mark)", message: "a mesh config must be a mapping, not a \(document.value.typeName)")
        }
        if document.value["kind"]?.stringValue == "ConfigMap" {
            return try MeshSettings(configMap: document.value, source: path)
        }
        return MeshSettings(meshConfig: document.value, source: path)
    }

    /// The settings in an `istio` ConfigMap: `data.mesh` is the MeshConfig as a YAML string.
    public init(configMap: Value, source: String) throws(MeshConfigError) {
        guard let mesh = configMap[path: ["data", "mesh"]] else {
            self.init(meshConfig: .mapping(Mapping()), source: source)
            return
        }
        guard case .string(let text) = mesh else {
            throw MeshConfigError(source: source, message: "data.mesh is a \(mesh.typeName), not a string holding the MeshConfig")
        }
        let reader = YAMLReader(bytes: Array(text.utf8), source: "\(source) data.mesh")
        let document: Document?
        do {
            document = try reader.next()
        } catch {
            throw MeshConfigError(source: source, message: "data.mesh is not YAML: \(error)")
        }
        let value = document?.value ?? .null
        switch value {
        case .mapping: self.init(meshConfig: value, source: source)
        case .null: self.init(meshConfig: .mapping(Mapping()), source: source)
        default: throw MeshConfigError(source: source, message: "data.mesh holds a \(value.typeName), not a MeshConfig mapping")
        }
    }
}

/// A mesh config that cannot be used.
public struct MeshConfigError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var message: String

    public var description: String { "\(source): \(message)" }
}
