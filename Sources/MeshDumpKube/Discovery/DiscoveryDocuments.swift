import MeshDumpCore

/// An API group as `/apis` (or `/api` for the core group) lists it.
struct APIGroupInfo: Sendable {
    var name: String
    var versions: [String]
    var preferredVersion: String

    /// Versions in the order they are considered: the preferred one, then newest first.
    var versionsByPreference: [String] {
        [preferredVersion] + versions.filter { $0 != preferredVersion }.sorted(by: KubeVersionOrder.isNewer)
    }
}

/// A resource as `/apis/GROUP/VERSION` lists it.
struct APIResourceInfo: Sendable {
    var name: String
    var kind: String
    var namespaced: Bool
    var verbs: [String]?
    var shortNames: [String]
}

/// Reads the discovery documents (`APIGroupList`, `APIVersions`, `APIResourceList`), which the
/// API server always sends as JSON.
enum DiscoveryDocuments {
    /// The one JSON value of the answer.
    static func value(_ response: Response) throws(KubeError) -> Value {
        let values: [Value]
        do {
            values = try JSONReader.values(response.body, source: response.path)
        } catch {
            throw KubeError.malformedResponse("GET \(response.path): not JSON: \(error)")
        }
        guard values.count == 1, let value = values.first else {
            throw KubeError.malformedResponse("GET \(response.path): \(values.isEmpty ? "empty answer" : "\(values.count) JSON values instead of one")")
        }
        return value
    }

    static func groups(_ response: Response) throws(KubeError) -> [APIGroupInfo] {
        let list = try value(response)
        return (list["groups"]?.sequenceValue ?? []).compactMap { group in
            guard let name = group["name"]?.stringValue else { return nil }
            let versions = (group["versions"]?.sequenceValue ?? []).compactMap { $0["version"]?.stringValue }
            guard let first = versions.first else { return nil }
            let preferred = group[path: ["preferredVersion", "version"]]?.stringValue ?? first
            return APIGroupInfo(name: name, versions: versions, preferredVersion: preferred)
        }
    }

    /// The core group from `/api` (`{"versions":["v1"]}`).
    static func coreGroup(_ response: Response) throws(KubeError) -> APIGroupInfo? {
        let versions = (try value(response)["versions"]?.sequenceValue ?? []).compactMap(\.stringValue)
        guard let first = versions.first else { return nil }
        return APIGroupInfo(name: "", versions: versions, preferredVersion: first)
    }

    /// Top-level resources (no subresources like `virtualservices/status`).
    static func resources(_ response: Response) throws(KubeError) -> [APIResourceInfo] {
        let list = try value(response)
        return (list["resources"]?.sequenceValue ?? []).compactMap { resource in
            guard let name = resource["name"]?.stringValue, !name.contains("/"),
                  let kind = resource["kind"]?.stringValue else { return nil }
            return APIResourceInfo(
                name: name, kind: kind, namespaced: resource["namespaced"] == .bool(true),
                verbs: resource["verbs"]?.sequenceValue?.compactMap(\.stringValue),
                shortNames: resource["shortNames"]?.sequenceValue?.compactMap(\.stringValue) ?? [])
        }
    }
}
