import MeshDumpCore

/// A namespace move: `metadata.namespace` and every reference to `from` become `to`.
public struct NamespaceMove: Sendable, Equatable {
    public var from: String
    public var to: String
    public var origin: Origin
}

/// A host rename, exact (`a.example.com`) or by suffix (`*.example.com` → `*.example.org`).
public struct HostMapping: Sendable, Equatable {
    public var from: String
    public var to: String
    public var origin: Origin
    public var isWildcard: Bool { from.hasPrefix("*.") }
}

/// A Gateway object named as `namespace/name`.
public struct GatewayName: Sendable, Hashable, CustomStringConvertible {
    public var namespace: String
    public var name: String
    public var description: String { "\(namespace)/\(name)" }
}

/// References to one Gateway redirected to another.
public struct GatewayMapping: Sendable, Equatable {
    public var from: GatewayName
    public var to: GatewayName
    public var origin: Origin
}

/// A Gateway `spec.selector` holding every `from` label gets the `to` labels instead.
public struct GatewaySelectorMapping: Sendable, Equatable {
    public var from: [Label]
    public var to: [Label]
    public var origin: Origin

    /// One `key: value` label.
    public struct Label: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    var summary: String {
        func show(_ labels: [Label]) -> String { "{" + labels.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}" }
        return "\(show(from)) → \(show(to))"
    }
}

/// SPIFFE identities in trust domain `from` move to `to`.
public struct TrustDomainMapping: Sendable, Equatable {
    public var from: String
    public var to: String
    public var origin: Origin
}

/// Objects labelled `istio.io/rev: from` are relabelled `to`, or unlabelled when `to` is nil.
public struct RevisionMapping: Sendable, Equatable {
    public static let label = "istio.io/rev"
    public var from: String
    public var to: String?
    public var origin: Origin
}
