import NIOSSL

/// Builds the TLS configuration of a connection: its CA (instead of the system's trust store) or
/// no verification at all, and the client certificate of the request's credentials.
enum TLSSettings {
    static func configuration(for connection: ClusterConnection, auth: RequestAuth) throws(KubeError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if connection.insecureSkipTLSVerify {
                tls.certificateVerification = .none
            } else if let ca = connection.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
        } catch {
            throw KubeError.credentials("context \"\(connection.contextName)\": certificate-authority is not a PEM certificate: \(error)")
        }
        if let cert = auth.clientCertificatePEM, let key = auth.clientKeyPEM {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(cert).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            } catch {
                throw KubeError.credentials("context \"\(connection.contextName)\": client certificate or key is not valid PEM: \(error)")
            }
        }
        return tls
    }
}
