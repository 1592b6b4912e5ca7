import MeshDumpCore

/// OpenAPI v3 documents, just enough for kubectl: before a server-side apply it checks that
/// the PATCH operation of the object's kind takes the `fieldValidation` query parameter (else
/// it downloads schemas to validate on the client, and fails when there are none).
struct OpenAPIReplies {
    let cluster: FixtureCluster

    /// `/openapi/v3`: each served group-version and where its document is.
    var root: Value {
        var paths = Mapping()
        for (group, version) in groupVersions {
            let path = Self.prefix(group: group, version: version)
            paths[String(path.dropFirst())] = ["serverRelativeURL": .string("/openapi/v3\(path)?hash=\(Self.hash(path))")]
        }
        return ["paths": .mapping(paths)]
    }

    /// `/openapi/v3/apis/GROUP/VERSION`: the PATCH operation of each kind served there, with the
    /// query parameters writes take; nil when the group-version is not served.
    func document(group: String, version: String) -> Value? {
        guard groupVersions.contains(where: { $0 == (group, version) }) else { return nil }
        var paths = Mapping()
        for type in cluster.types where type.group == group && type.versions.contains(version) {
            let collection = Self.prefix(group: group, version: version) + (type.namespaced ? "/namespaces/{namespace}/" : "/") + type.resource
            let parameters: [Value] = [
                ["name": "dryRun", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                ["name": "fieldManager", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                ["name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                ["name": "force", "in": "query", "schema": ["type": "boolean", "uniqueItems": true]],
            ]
            paths[collection + "/{name}"] = ["patch": [
                "operationId": .string("patch\(type.kind)"),
                "x-kubernetes-action": "patch",
                "x-kubernetes-group-version-kind": ["group": .string(group), "version": .string(version), "kind": .string(type.kind)],
                "parameters": .sequence(parameters),
                "responses": ["200": ["description": "OK"], "201": ["description": "Created"]],
            ]]
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": DiscoveryReplies.version["gitVersion"] ?? ""],
                "paths": .mapping(paths)]
    }

    private var groupVersions: [(String, String)] {
        var seen: [(String, String)] = []
        for type in cluster.types {
            for version in type.versions where !seen.contains(where: { $0 == (type.group, version) }) { seen.append((type.group, version)) }
        }
        return seen
    }

    private static func prefix(group: String, version: String) -> String {
        group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    }

    private static func hash(_ path: String) -> String {
        ServerFields.uid(path).filter { $0 != "-" }.uppercased()
    }
}
