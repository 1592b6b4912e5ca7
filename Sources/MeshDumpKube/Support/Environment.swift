#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The environment variables and files meshdump reads its configuration from; tests pass their
/// own instead of the process's.
public struct Environment: Sendable {
    public var variables: [String: String]
    /// Where the in-cluster service account files are (`token`, `ca.crt`, `namespace`).
    public var serviceAccountFolder: String

    public init(variables: [String: String], serviceAccountFolder: String = "/var/run/secrets/kubernetes.io/serviceaccount") {
        self.variables = variables
        self.serviceAccountFolder = serviceAccountFolder
    }

    /// This process's environment.
    public static var process: Environment { Environment(variables: ProcessInfo.processInfo.environment) }

    public subscript(name: String) -> String? { variables[name] }
}
