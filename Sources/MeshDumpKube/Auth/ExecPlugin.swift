#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MeshDumpCore

/// Runs an exec credential plugin (client.authentication.k8s.io v1 or v1beta1) as client-go
/// does: the kubeconfig's command, args and env on top of meshdump's environment,
/// `KUBERNETES_EXEC_INFO` describing the request, no terminal; its standard output must be an
/// `ExecCredential` whose status holds a token or a client certificate and key. A plugin that
/// runs past `ClientOptions.execTimeout` or prints more than `maxOutputBytes` is killed.
enum ExecPlugin {
    static let supportedVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
    /// The most a plugin may print: an ExecCredential, even with a client certificate, is a few KB.
    static let maxOutputBytes = 4 << 20

    /// Refuses configurations that can never work, when the kubeconfig is read.
    static func validate(_ exec: ExecConfig, label: String) throws(KubeConfigError) {
        guard supportedVersions.contains(exec.apiVersion) else {
            throw KubeConfigError("\(label): exec plugin apiVersion \"\(exec.apiVersion)\" is not supported (use \(supportedVersions.joined(separator: " or ")))")
        }
        switch exec.interactiveMode {
        case nil where exec.apiVersion.hasSuffix("/v1"):
            throw KubeConfigError("\(label): exec plugin: interactiveMode must be specified for \(exec.apiVersion)")
        case nil, "Never", "IfAvailable": break
        case "Always":
            throw KubeConfigError("\(label): exec plugin \(exec.command) needs a terminal (interactiveMode: Always), which meshdump never offers; set interactiveMode to Never or IfAvailable")
        case let other?:
            throw KubeConfigError("\(label): exec plugin: unknown interactiveMode \"\(other)\" (use Never, IfAvailable or Always)")
        }
    }

    /// Runs the plugin and reads the credential it prints.
    static func run(_ exec: ExecConfig, server: ServerAddress, environment: Environment,
                    limits: ProcessRunner.Limits) async throws(KubeError) -> ExecCredential {
        let output = try await ProcessRunner.run(
            command: exec.command, arguments: exec.args,
            environment: variables(for: exec, server: server, base: environment), limits: limits)
        if output.status != 0 {
            var message = "exec plugin \(exec.command) failed with exit status \(output.status)"
            let stderr = String(decoding: output.standardError.suffix(2000), as: UTF8.self).trimmingWhitespace()
            if !stderr.isEmpty { message += ": \(stderr)" }
            throw KubeError.credentials(message)
        }
        return try ExecCredential.parse(output.standardOutput, exec: exec)
    }

    static func variables(for exec: ExecConfig, server: ServerAddress, base: Environment) -> [String: String] {
        var variables = base.variables
        for (name, value) in exec.env { variables[name] = value }
        var spec: Value = ["interactive": false]
        if exec.provideClusterInfo { spec["cluster"] = ["server": .string(server.description)] }
        let info: Value = ["apiVersion": .string(exec.apiVersion), "kind": "ExecCredential", "spec": spec]
        var json: [UInt8] = []
        try? JSONWriter.write(info, compact: true, to: &json)
        variables["KUBERNETES_EXEC_INFO"] = String(decoding: json, as: UTF8.self)
        return variables
    }
}

/// The credential an exec plugin returned.
struct ExecCredential: Sendable, Equatable {
    var token: String?
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    /// Reuse until then; nil means for as long as the process runs.
    var expiration: Date?

    static func parse(_ bytes: [UInt8], exec: ExecConfig) throws(KubeError) -> ExecCredential {
        let what = "exec plugin \(exec.command)"
        // client-go decodes the output with its universal decoder, which takes YAML as well as JSON.
        let document: Document?
        do {
            document = try YAMLReader(bytes: bytes, source: "\(what) output").next()
        } catch {
            throw KubeError.credentials("\(what) printed something that is not an ExecCredential: \(error)")
        }
        guard let value = document?.value else {
            throw KubeError.credentials("\(what) printed nothing; it must print an ExecCredential")
        }
        guard value["kind"]?.stringValue == "ExecCredential" else {
            throw KubeError.credentials("\(what) printed a \(value["kind"]?.stringValue ?? value.typeName), not an ExecCredential")
        }
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        guard apiVersion == exec.apiVersion else {
            throw KubeError.credentials("\(what) is configured for \(exec.apiVersion) but returned \(apiVersion.isEmpty ? "no apiVersion" : apiVersion)")
        }
        guard let status = value["status"]?.mappingValue else {
            throw KubeError.credentials("\(what) returned an ExecCredential without status")
        }
        var credential = ExecCredential()
        credential.token = status["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        credential.clientCertificatePEM = status["clientCertificateData"]?.stringValue.map { Array($0.utf8) }
        credential.clientKeyPEM = status["clientKeyData"]?.stringValue.map { Array($0.utf8) }
        if (credential.clientCertificatePEM == nil) != (credential.clientKeyPEM == nil) {
            throw KubeError.credentials("\(what) returned only one of clientCertificateData and clientKeyData")
        }
        if credential.token == nil, credential.clientCertificatePEM == nil {
            throw KubeError.credentials("\(what) returned neither a token nor a client certificate and key")
        }
        if let text = status["expirationTimestamp"]?.stringValue {
            guard let date = Self.time(text) else {
                throw KubeError.credentials("\(what) returned expirationTimestamp \"\(text)\", which is not an RFC 3339 time")
            }
            credential.expiration = date
        }
        return credential
    }

    /// An RFC 3339 time as Kubernetes writes it (`2025-01-02T03:04:05Z`, `…05.123+02:00`): the
    /// whole text must be the time.
    static func time(_ text: String) -> Date? {
        let range = text.startIndex..<text.endIndex
        guard let (end, date) = try? Date.ISO8601FormatStyle().consuming(text, startingAt: text.startIndex, in: range),
              end == text.endIndex else { return nil }
        return date
    }
}
