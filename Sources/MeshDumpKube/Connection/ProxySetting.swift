
/// A proxy to reach the API server through: a cluster's `proxy-url`, else `HTTPS_PROXY` /
/// `HTTP_PROXY` unless `NO_PROXY` exempts the host (loopback hosts are never proxied).
public struct ProxySetting: Sendable, Equatable {
    /// http (CONNECT for https servers) or socks5.
    public enum Kind: String, Sendable { case http, socks5 }

    public var kind: Kind
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    public init(kind: Kind, host: String, port: Int, username: String? = nil, password: String? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// Parses `http://[user:pass@]host:port` or `socks5://host:port`.
    public init(parsing text: String) throws(KubeConfigError) {
        let separator = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard separator.count == 2 else { throw KubeConfigError("proxy-url \"\(text)\" has no scheme (http:// or socks5://)") }
        let scheme = separator[0].lowercased()
        switch scheme {
        case "http": kind = .http
        case "socks5": kind = .socks5
        default: throw KubeConfigError("proxy-url \"\(text)\": scheme \(scheme) is not supported (use http or socks5)")
        }
        var authority = Substring(separator[1].prefix { $0 != "/" })
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            let parts = userinfo.split(separator: ":", maxSplits: 1).map { $0.removingPercentEscapes() ?? String($0) }
            username = parts.first
            password = parts.count > 1 ? parts[1] : nil
            authority = authority[authority.index(after: at)...]
        }
        let address = try ServerAddress(parsing: "http://\(authority)")
        host = address.host
        port = authority.contains(":") && !authority.hasSuffix("]") ? address.port : (kind == .socks5 ? 1080 : 80)
    }

    static func fromEnvironment(_ environment: Environment, for server: ServerAddress) throws(KubeConfigError) -> ProxySetting? {
        if server.isLoopback { return nil }
        let names = server.isTLS ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        guard let value = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        let noProxy = environment["NO_PROXY"] ?? environment["no_proxy"] ?? ""
        for entry in noProxy.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) where !entry.isEmpty {
            let bare = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            let host = server.host.lowercased()
            if entry == "*" || host == bare || host.hasSuffix("." + bare) || "\(host):\(server.port)" == bare { return nil }
        }
        return try ProxySetting(parsing: value.contains("://") ? value : "http://" + value)
    }
}
