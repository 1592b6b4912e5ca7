/// How a field refers to other things, which decides how a mapping rewrites it.
public enum ReferenceForm: Sendable, Hashable {
    /// A host (`reviews`, `reviews.a.svc.cluster.local`, `*.example.com`), optionally `:port`.
    case host
    /// `namespace/host` (`a/*`, `./x.example.com`, `*/…`, Sidecar `~a/…`), or a bare host.
    case namespacedHost
    /// A Gateway: `namespace/name`, `name` (the object's namespace) or `mesh`.
    case gateway
    /// A namespace name (`.`, `*` and `~` are kept; AuthorizationPolicy allows `prefix*`/`*suffix`).
    case namespace
    /// Comma-separated namespace names (the `networking.istio.io/exportTo` annotation).
    case namespaceList
    /// A workload identity `<trustDomain>/ns/<namespace>/sa/<account>` (with `*` patterns).
    case principal
    /// A service account `namespace/account`, or `account` in the object's namespace.
    case serviceAccount
    /// A trust domain name.
    case trustDomain
    /// A certificate SAN: `spiffe://<trustDomain>/ns/<namespace>/sa/<account>` or a DNS name.
    case subjectAltName
    /// An Envoy cluster name `outbound|<port>|<subset>|<host>` (or `_.`-separated).
    case envoyCluster
    /// A URL whose host is a host (`http://jwks.a.svc.cluster.local:8000/keys`); also an
    /// origin (`https://www.example.com`) or an origin prefix.
    case url
    /// An RE2 regular expression (`uri.regex`, `allowOrigins[].regex`): never rewritten; one
    /// that mentions a mapped name (escaped dots and all) is reported.
    case regex
}
