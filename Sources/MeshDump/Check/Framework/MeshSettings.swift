import MeshDumpCore

/// The mesh-wide settings analyzers depend on: the root namespace, the trust domain and the
/// default providers, with the whole MeshConfig for anything else.
///
/// They come from `--mesh-config` (a MeshConfig file or the `istio` ConfigMap), else the
/// `istio` ConfigMap among the objects checked, else Istio's defaults; flags win over all
/// (`MeshSettings.resolve`).
public struct MeshSettings: Sendable, Equatable {
    /// Istio's default root namespace.
    public static let defaultRootNamespace = "istio-system"
    /// Istio's default trust domain.
    public static let defaultTrustDomain = "cluster.local"

    /// The namespace whose selector-less policies apply mesh-wide (`rootNamespace`).
    public var rootNamespace: String
    /// The mesh's SPIFFE trust domain (`trustDomain`).
    public var trustDomain: String
    /// `defaultProviders`: provider names for metrics, tracing and access logging.
    public var defaultProviders: DefaultProviders
    /// The control plane revision the objects are checked against (`--revision`), if any.
    public var revision: String?
    /// The MeshConfig as read (a mapping; empty with the defaults), for fields not modelled here.
    public var meshConfig: Value
    /// Where the settings came from, for messages: `Istio's defaults`, a file, a ConfigMap.
    public var source: String

    /// `defaultProviders` of a MeshConfig.
    public struct DefaultProviders: Sendable, Equatable {
        public var metrics: [String]
        public var tracing: [String]
        public var accessLogging: [String]

        public init(metrics: [String] = [], tracing: [String] = [], accessLogging: [String] = []) {
            self.metrics = metrics
            self.tracing = tracing
            self.accessLogging = accessLogging
        }
    }

    /// Istio's defaults.
    public init() {
        self.init(meshConfig: .mapping(Mapping()), source: "Istio's defaults")
    }

    /// The settings a MeshConfig (the mapping of its fields) gives, with Istio's defaults for
    /// what it leaves out.
    public init(meshConfig: Value, source: String) {
        self.meshConfig = meshConfig
        self.source = source
        rootNamespace = meshConfig["rootNamespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultRootNamespace
        trustDomain = meshConfig["trustDomain"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultTrustDomain
        let providers = meshConfig["defaultProviders"]
        func names(_ key: String) -> [String] {
            providers?[key]?.sequenceValue?.compactMap(\.stringValue) ?? []
        }
        defaultProviders = DefaultProviders(metrics: names("metrics"), tracing: names("tracing"), accessLogging: names("accessLogging"))
        revision = nil
    }
}
