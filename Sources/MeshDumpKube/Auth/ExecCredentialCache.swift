#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Exec plugin credentials shared by every client of the process, as client-go shares them:
/// one run per plugin configuration (however many kinds ask at once), reused until its
/// `expirationTimestamp`, run again after that or after the server rejected it.
actor ExecCredentialCache {
    static let shared = ExecCredentialCache()

    private enum Entry {
        case running(Task<ExecCredential, any Error>)
        case ready(ExecCredential)
    }

    private var entries: [String: Entry] = [:]
    /// How many times a plugin was started, for tests.
    private(set) var runs = 0

    func credential(for exec: ExecConfig, server: ServerAddress, environment: Environment,
                    limits: ProcessRunner.Limits) async throws(KubeError) -> ExecCredential {
        let key = Self.key(exec, server: server)
        switch entries[key] {
        case .ready(let credential):
            if let expiration = credential.expiration, expiration <= Date() { break }
            return credential
        case .running(let task):
            return try await Self.value(of: task)
        case nil:
            break
        }
        runs += 1
        let task = Task { () async throws -> ExecCredential in
            try await ExecPlugin.run(exec, server: server, environment: environment, limits: limits)
        }
        entries[key] = .running(task)
        do {
            let credential = try await Self.value(of: task)
            entries[key] = .ready(credential)
            return credential
        } catch {
            entries[key] = nil
            throw error
        }
    }

    /// Forgets `rejected` (the server answered 401 to it), so the next request runs the plugin.
    func invalidate(_ rejected: ExecCredential, exec: ExecConfig, server: ServerAddress) {
        let key = Self.key(exec, server: server)
        if case .ready(let current) = entries[key], current == rejected { entries[key] = nil }
    }

    private static func value(of task: Task<ExecCredential, any Error>) async throws(KubeError) -> ExecCredential {
        do {
            return try await task.value
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.credentials("exec plugin: \(error)")
        }
    }

    private static func key(_ exec: ExecConfig, server: ServerAddress) -> String {
        var parts = [exec.apiVersion, exec.command] + exec.args + exec.env.map { "\($0.name)=\($0.value)" }
        if exec.provideClusterInfo { parts.append(server.description) }
        return parts.joined(separator: "\u{0}")
    }
}
