extension MergedKubeconfig {
    /// The connection for a context (`nil`: the current one), with its files read and checked.
    public func connection(context name: String?, environment: Environment = .process) throws(KubeConfigError) -> ClusterConnection {
        let (contextName, context) = try self.context(named: name)
        guard !context.cluster.isEmpty else {
            throw KubeConfigError("\(context.file): context \"\(contextName)\" names no cluster")
        }
        guard let cluster = clusters[context.cluster] else {
            throw KubeConfigError("context \"\(contextName)\" names cluster \"\(context.cluster)\", which \(filesDescription) does not define")
        }
        var user = UserEntry(file: context.file)
        if !context.user.isEmpty {
            guard let found = users[context.user] else {
                throw KubeConfigError("context \"\(contextName)\" names user \"\(context.user)\", which \(filesDescription) does not define")
            }
            user = found
        }
        guard !cluster.server.isEmpty else {
            throw KubeConfigError("\(cluster.file): cluster \"\(context.cluster)\" has no server")
        }
        let hasTLSSettings = cluster.certificateAuthority != nil || cluster.certificateAuthorityData != nil
            || cluster.insecureSkipTLSVerify || user.clientCertificate != nil || user.clientCertificateData != nil
        let server = try ServerAddress(parsing: cluster.server, defaultTLS: hasTLSSettings)
        var connection = ClusterConnection(
            contextName: contextName, server: server, defaultNamespace: context.namespace,
            certificateAuthorityPEM: try FileCheck.read(inline: cluster.certificateAuthorityData, orFile: cluster.certificateAuthority, what: "certificate-authority"),
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
            tlsServerName: cluster.tlsServerName.flatMap { $0.isEmpty ? nil : $0 },
            credentials: try Self.credentials(user, userName: context.user))
        if let proxyURL = cluster.proxyURL, !proxyURL.isEmpty {
            connection.proxy = try ProxySetting(parsing: proxyURL)
        } else {
            connection.proxy = try ProxySetting.fromEnvironment(environment, for: server)
        }
        try connection.validate()
        return connection
    }

    private static func credentials(_ user: UserEntry, userName: String) throws(KubeConfigError) -> Credentials {
        let label = "user \"\(userName)\" (\(user.file))"
        if let provider = user.authProvider {
            throw KubeConfigError("\(label): auth-provider \"\(provider)\" is not supported; use an exec credential plugin instead (for example gke-gcloud-auth-plugin, kubelogin)")
        }
        var credentials = Credentials()
        credentials.bearerToken = user.token.flatMap { $0.isEmpty ? nil : $0 }
        credentials.tokenFile = user.tokenFile.flatMap { $0.isEmpty ? nil : $0 }
        credentials.username = user.username.flatMap { $0.isEmpty ? nil : $0 }
        credentials.password = user.password.flatMap { $0.isEmpty ? nil : $0 }
        if (credentials.bearerToken != nil || credentials.tokenFile != nil), (credentials.username != nil || credentials.password != nil) {
            throw KubeConfigError("\(label): username/password or bearer token may be set, but not both")
        }
        if let tokenFile = credentials.tokenFile, !FileCheck.exists(tokenFile) {
            throw KubeConfigError("\(label): tokenFile \(tokenFile): No such file or directory")
        }
        credentials.clientCertificatePEM = try FileCheck.read(inline: user.clientCertificateData, orFile: user.clientCertificate, what: "client-certificate")
        credentials.clientKeyPEM = try FileCheck.read(inline: user.clientKeyData, orFile: user.clientKey, what: "client-key")
        if (credentials.clientCertificatePEM == nil) != (credentials.clientKeyPEM == nil) {
            throw KubeConfigError("\(label): client-certificate and client-key must be given together")
        }
        if let exec = user.exec {
            try ExecPlugin.validate(exec, label: label)
            credentials.exec = exec
        }
        return credentials
    }
}
