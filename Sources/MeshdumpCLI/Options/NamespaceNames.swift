import ArgumentParser
import MeshDumpCore

/// `-n` values: namespace names as Kubernetes allows them, refused as a usage error otherwise
/// (`-n ..` or `-n a/b` could only ever match nothing, or change the request's path).
enum NamespaceNames {
    static func validate(_ names: [String]) throws {
        for name in names where !KubernetesNames.isNamespace(name) {
            throw ValidationError("-n \"\(name)\" is not a namespace name: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (RFC 1123)")
        }
    }
}
