import NIOCore
import NIOSSL

/// Checks that the server's certificate names the host it was asked for — the context's
/// `tls-server-name` when set, else the server's host — as Go's `VerifyHostname` does (and so
/// kubectl): a DNS name matches a DNS subjectAltName (`*.` standing for one leftmost label), an
/// IP address matches an IP subjectAltName; the subject's common name is never used.
///
/// NIOSSL alone also accepts a certificate whose IP subjectAltName is the address it connected
/// to, whatever name was asked for, so a certificate for the server's IP but not for its
/// tls-server-name would pass. This check runs on every new connection, after the handshake and
/// NIOSSL's own chain verification, before any request is sent on it.
struct ServerIdentity: Sendable {
    /// The name the certificate must be valid for.
    let expectedName: String
    /// What that name is, for messages (`tls-server-name` or `server`).
    let setting: String

    /// Fails (and closes `channel`) unless its peer certificate is valid for `expectedName`.
    func verify(_ channel: any Channel) -> EventLoopFuture<Void> {
        channel.nioSSL_peerCertificate().flatMapThrowing { certificate in
            guard let certificate else { throw ServerIdentityError(message: "the server sent no certificate") }
            try check(certificate)
        }.flatMapError { error in
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(error)
        }
    }

    func check(_ certificate: NIOSSLCertificate) throws(ServerIdentityError) {
        let names = Self.subjectAltNames(certificate)
        if matches(names) { return }
        var listed: [String] = []
        for name in names.dns + names.ips.map(\.text) where !listed.contains(name) { listed.append(name) }
        throw ServerIdentityError(message: "the server's certificate is not valid for \(expectedName) (the \(setting)); it is valid for "
            + (listed.isEmpty ? "no name (it has no subjectAltName)" : listed.joined(separator: ", ")))
    }

    private func matches(_ names: (dns: [String], ips: [IPName])) -> Bool {
        if let address = try? SocketAddress(ipAddress: expectedName, port: 0) {
            return names.ips.contains { $0.address == address }
        }
        var host = expectedName.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        return names.dns.contains { Self.matches(pattern: $0, host: host) }
    }

    /// `pattern` from the certificate against a lowercase host: equal labels, or a leading `*`
    /// label standing for exactly one non-empty label.
    static func matches(pattern: String, host: String) -> Bool {
        var pattern = pattern.lowercased()
        if pattern.hasSuffix(".") { pattern.removeLast() }
        let patternLabels = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let hostLabels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !pattern.isEmpty, patternLabels.count == hostLabels.count else { return false }
        for (i, (p, h)) in zip(patternLabels, hostLabels).enumerated() {
            if i == 0, p == "*", !h.isEmpty { continue }
            if p != h { return false }
        }
        return true
    }

    private struct IPName {
        var address: SocketAddress
        var text: String
    }

    private static func subjectAltNames(_ certificate: NIOSSLCertificate) -> (dns: [String], ips: [IPName]) {
        var dns: [String] = [], ips: [IPName] = []
        for name in certificate._subjectAlternativeNames() {
            let bytes = Array(name.contents)
            switch name.nameType {
            case .dnsName:
                dns.append(String(decoding: bytes, as: UTF8.self))
            case .ipAddress:
                guard let address = try? SocketAddress(packedIPAddress: ByteBuffer(bytes: bytes), port: 0) else { continue }
                ips.append(IPName(address: address, text: address.ipAddress ?? "?"))
            default:
                continue
            }
        }
        return (dns, ips)
    }
}

/// The server's certificate is not valid for the name meshdump asked for.
struct ServerIdentityError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
