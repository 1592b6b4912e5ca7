/// An API server's base URL, split: `https://10.0.0.1:6443/prefix` → https, 10.0.0.1, 6443, /prefix.
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    /// The host name or IP address (IPv6 without brackets).
    public var host: String
    public var port: Int
    /// A path prefix (a proxy in front of the API server), without the trailing slash; often empty.
    public var basePath: String

    public var isTLS: Bool { scheme == "https" }

    /// Parses a kubeconfig `server`. A URL without a scheme is https when `defaultTLS`, as
    /// client-go assumes https when TLS settings are present.
    public init(parsing text: String, defaultTLS: Bool = true) throws(KubeConfigError) {
        var rest = Substring(text)
        if let range = rest.firstRange(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        } else {
            scheme = defaultTLS ? "https" : "http"
        }
        guard scheme == "https" || scheme == "http" else {
            throw KubeConfigError("server \"\(text)\": scheme must be https or http")
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        basePath = String(rest.dropFirst(authority.count).prefix { $0 != "?" })
        while basePath.hasSuffix("/") { basePath.removeLast() }
        var hostPart = Substring(authority)
        if let at = hostPart.lastIndex(of: "@") { hostPart = hostPart[hostPart.index(after: at)...] }
        var portText: Substring? = nil
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { throw KubeConfigError("server \"\(text)\": unclosed [ in the host") }
            host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
            let after = hostPart[hostPart.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = hostPart.lastIndex(of: ":") {
            host = String(hostPart[..<colon])
            portText = hostPart[hostPart.index(after: colon)...]
        } else {
            host = String(hostPart)
        }
        guard !host.isEmpty else { throw KubeConfigError("server \"\(text)\" has no host") }
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else { throw KubeConfigError("server \"\(text)\": bad port \"\(portText)\"") }
            port = p
        } else {
            port = scheme == "https" ? 443 : 80
        }
    }

    public init(scheme: String, host: String, port: Int, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// `host` as it goes in a URL (IPv6 in brackets).
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// `https://host:port/prefix`
    public var description: String { "\(scheme)://\(urlHost):\(port)\(basePath)" }

    /// Whether the host is this machine (never sent through a proxy, as Go's net/http decides).
    var isLoopback: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }
}
