/// How a connection authenticates, with every file already read (except a token file, which is
/// re-read as it rotates).
public struct Credentials: Sendable, Equatable {
    public var bearerToken: String?
    /// Read again at most once a minute, as client-go does for rotated service account tokens.
    public var tokenFile: String?
    public var username: String?
    public var password: String?
    /// PEM certificate chain and private key for TLS client authentication.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    public var exec: ExecConfig?

    public init() {}

    /// Whether anything secret would be sent in a request header.
    var sendsHeaderSecret: Bool {
        bearerToken != nil || tokenFile != nil || username != nil || password != nil || exec != nil
    }

    var isEmpty: Bool {
        !sendsHeaderSecret && clientCertificatePEM == nil && clientKeyPEM == nil
    }

    /// The methods in use, for messages (`a bearer token`, `a client certificate`).
    var methodNames: [String] {
        var names: [String] = []
        if bearerToken != nil || tokenFile != nil { names.append("a bearer token") }
        if username != nil || password != nil { names.append("a username and password") }
        if exec != nil { names.append("an exec credential plugin") }
        if clientCertificatePEM != nil { names.append("a client certificate") }
        return names
    }
}
