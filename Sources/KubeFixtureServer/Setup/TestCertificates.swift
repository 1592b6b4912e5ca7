import Foundation

/// A throwaway PKI made with the `openssl` command: a CA, a server certificate for the given
/// names, and a client certificate whose common name is the user. Made at test time into a
/// scratch folder; no private key is ever committed.
public struct TestCertificates: Sendable {
    public var folder: String
    public var caCertificate: String { folder + "/ca.crt" }
    public var serverCertificate: String { folder + "/server.crt" }
    public var serverKey: String { folder + "/server.key" }
    public var clientCertificate: String { folder + "/client.crt" }
    public var clientKey: String { folder + "/client.key" }

    /// Generates everything into `folder` (created if needed). `serverNames` are DNS names or
    /// IP addresses for the server certificate's subjectAltName.
    public static func generate(in folder: String, serverNames: [String] = ["localhost", "127.0.0.1"],
                                clientUser: String = "alice") throws -> TestCertificates {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let certificates = TestCertificates(folder: folder)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + ec + ["-keyout", folder + "/ca.key", "-out", certificates.caCertificate, "-days", "3",
                     "-subj", "/CN=meshdump-fixture-ca", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        let sans = serverNames.map { $0.contains(where: { $0.isLetter }) && !$0.contains(":") ? "DNS:\($0)" : "IP:\($0)" }
        try issue("server", subject: "/CN=fixture-apiserver", extensions: "subjectAltName=\(sans.joined(separator: ","))\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n", in: folder, ec: ec)
        try issue("client", subject: "/O=system:masters/CN=\(clientUser)", extensions: "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n", in: folder, ec: ec)
        return certificates
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CertificateError(message: "cannot read \(path)") }
        return [UInt8](data)
    }

    /// The server's TLS settings, trusting client certificates from this CA.
    public func serverTLS() throws -> FixtureAPIServer.TLS {
        FixtureAPIServer.TLS(certificateChainPEM: try read(serverCertificate), privateKeyPEM: try read(serverKey), clientCAPEM: try read(caCertificate))
    }

    private static func issue(_ name: String, subject: String, extensions: String, in folder: String, ec: [String]) throws {
        let ext = "\(folder)/\(name).ext"
        try extensions.write(toFile: ext, atomically: true, encoding: .utf8)
        try openssl(["req"] + ec + ["-keyout", "\(folder)/\(name).key", "-out", "\(folder)/\(name).csr", "-subj", subject])
        try openssl(["x509", "-req", "-in", "\(folder)/\(name).csr", "-CA", "\(folder)/ca.crt", "-CAkey", "\(folder)/ca.key",
                     "-CAcreateserial", "-out", "\(folder)/\(name).crt", "-days", "3", "-extfile", ext])
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CertificateError(message: "openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}

/// openssl failed while making test certificates.
public struct CertificateError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
