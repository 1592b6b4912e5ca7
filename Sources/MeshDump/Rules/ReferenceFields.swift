import MeshDumpCore

/// Where each Istio kind keeps references to namespaces, hosts, gateways and identities.
///
/// Paths are field paths with `[*]` for every element of a list
/// (`spec.http[*].route[*].destination.host`). The list follows the Istio API reference
/// (istio/api protos) for networking, security, telemetry and extensions kinds.
/// `spec.rules[*].when[*]` of an AuthorizationPolicy is special: the form of its
/// `values`/`notValues` depends on its `key` (see `conditionForms`).
enum ReferenceFields {
    /// One field: a path pattern and the form of the strings found there.
    struct Field: Sendable {
        let path: FieldPath
        let form: ReferenceForm

        init(_ pattern: String, _ form: ReferenceForm) {
            do {
                path = try FieldPath(parsing: pattern)
            } catch {
                preconditionFailure("ReferenceFields: \(error)")
            }
            self.form = form
        }
    }

    /// The AuthorizationPolicy condition keys whose values are references.
    static let conditionForms: [String: ReferenceForm] = [
        "source.namespace": .namespace,
        "source.principal": .principal,
        "connection.sni": .host,
    ]
    /// Where AuthorizationPolicy conditions are.
    static let conditionsPath = Field("spec.rules[*].when[*]", .host).path

    /// The kinds with fields of their own, as (group, kind).
    static var kinds: [(String, String)] {
        table.keys.map { key in
            let slash = key.firstIndex(of: "/")!
            return (String(key[..<slash]), String(key[key.index(after: slash)...]))
        }
    }

    /// The fields of a kind, by `group/Kind`, after those every kind has.
    static func fields(group: String, kind: String) -> [Field] {
        everyKind + (table[group + "/" + kind] ?? [])
    }

    /// Istio reads these from the metadata of any object (Services, ServiceEntries, workloads).
    private static let everyKind = [
        Field("metadata.annotations[\"networking.istio.io/exportTo\"]", .namespaceList),
        Field("metadata.labels[\"istio.io/use-waypoint-namespace\"]", .namespace),
    ]

    private static let targetRefs = [Field("spec.targetRef.namespace", .namespace), Field("spec.targetRefs[*].namespace", .namespace)]

    /// TLS and tunnel settings at every level a DestinationRule has a traffic policy.
    private static let trafficPolicies: [Field] = [
        "spec.trafficPolicy", "spec.trafficPolicy.portLevelSettings[*]",
        "spec.subsets[*].trafficPolicy", "spec.subsets[*].trafficPolicy.portLevelSettings[*]",
    ].flatMap { level in
        [Field(level + ".tls.sni", .host), Field(level + ".tls.subjectAltNames[*]", .subjectAltName),
         Field(level + ".tunnel.targetHost", .host)]
    }

    private static let httpRoute: [Field] = [
        Field("spec.http[*].match[*].authority.exact", .host),
        Field("spec.http[*].match[*].authority.regex", .regex),
        Field("spec.http[*].match[*].uri.regex", .regex),
        Field("spec.http[*].match[*].gateways[*]", .gateway),
        Field("spec.http[*].match[*].sourceNamespace", .namespace),
        Field("spec.http[*].route[*].destination.host", .host),
        Field("spec.http[*].mirror.host", .host),
        Field("spec.http[*].mirrors[*].destination.host", .host),
        Field("spec.http[*].redirect.authority", .host),
        Field("spec.http[*].rewrite.authority", .host),
        Field("spec.http[*].delegate.namespace", .namespace),
    ] + originMatches("spec.http[*].match[*].headers.origin") + originMatches("spec.http[*].match[*].withoutHeaders.origin")
        + originMatches("spec.http[*].corsPolicy.allowOrigins[*]") + [Field("spec.http[*].corsPolicy.allowOrigin[*]", .url)]

    /// Every form of a string match on an origin (`scheme://host[:port]`): exact and prefix are
    /// rewritten alike, so a CORS policy and an `origin` header match never disagree after a
    /// move; a regular expression is reported.
    private static func originMatches(_ path: String) -> [Field] {
        [Field(path + ".exact", .url), Field(path + ".prefix", .url), Field(path + ".regex", .regex)]
    }

    private static let table: [String: [Field]] = [
        "networking.istio.io/VirtualService": [
            Field("spec.hosts[*]", .host),
            Field("spec.gateways[*]", .gateway),
            Field("spec.exportTo[*]", .namespace),
        ] + httpRoute + [
            Field("spec.tls[*].match[*].sniHosts[*]", .host),
            Field("spec.tls[*].match[*].gateways[*]", .gateway),
            Field("spec.tls[*].match[*].sourceNamespace", .namespace),
            Field("spec.tls[*].route[*].destination.host", .host),
            Field("spec.tcp[*].match[*].gateways[*]", .gateway),
            Field("spec.tcp[*].match[*].sourceNamespace", .namespace),
            Field("spec.tcp[*].route[*].destination.host", .host),
        ],
        "networking.istio.io/DestinationRule": [
            Field("spec.host", .host),
            Field("spec.exportTo[*]", .namespace),
        ] + trafficPolicies,
        "networking.istio.io/Gateway": [
            Field("spec.servers[*].hosts[*]", .namespacedHost),
            Field("spec.servers[*].tls.subjectAltNames[*]", .subjectAltName),
        ],
        "networking.istio.io/ServiceEntry": [
            Field("spec.hosts[*]", .host),
            Field("spec.exportTo[*]", .namespace),
            Field("spec.subjectAltNames[*]", .subjectAltName),
            Field("spec.endpoints[*].address", .host),
        ],
        "networking.istio.io/Sidecar": [
            Field("spec.egress[*].hosts[*]", .namespacedHost),
            Field("spec.outboundTrafficPolicy.egressProxy.host", .host),
            Field("spec.ingress[*].tls.subjectAltNames[*]", .subjectAltName),
        ],
        "networking.istio.io/EnvoyFilter": [
            Field("spec.configPatches[*].match.cluster.service", .host),
            Field("spec.configPatches[*].match.cluster.name", .envoyCluster),
            Field("spec.configPatches[*].match.routeConfiguration.vhost.name", .host),
            Field("spec.configPatches[*].match.routeConfiguration.vhost.domainName", .host),
            Field("spec.configPatches[*].match.routeConfiguration.gateway", .gateway),
            Field("spec.configPatches[*].match.listener.filterChain.sni", .host),
        ] + targetRefs,
        "networking.istio.io/WorkloadEntry": [
            Field("spec.address", .host),
        ],
        "networking.istio.io/WorkloadGroup": [
            Field("spec.template.address", .host),
            Field("spec.probe.httpGet.host", .host),
            Field("spec.probe.tcpSocket.host", .host),
        ],
        "security.istio.io/AuthorizationPolicy": [
            Field("spec.rules[*].from[*].source.principals[*]", .principal),
            Field("spec.rules[*].from[*].source.notPrincipals[*]", .principal),
            Field("spec.rules[*].from[*].source.namespaces[*]", .namespace),
            Field("spec.rules[*].from[*].source.notNamespaces[*]", .namespace),
            Field("spec.rules[*].from[*].source.serviceAccounts[*]", .serviceAccount),
            Field("spec.rules[*].from[*].source.notServiceAccounts[*]", .serviceAccount),
            Field("spec.rules[*].from[*].source.trustDomains[*]", .trustDomain),
            Field("spec.rules[*].from[*].source.notTrustDomains[*]", .trustDomain),
            Field("spec.rules[*].to[*].operation.hosts[*]", .host),
            Field("spec.rules[*].to[*].operation.notHosts[*]", .host),
        ] + targetRefs,
        "security.istio.io/RequestAuthentication": [
            Field("spec.jwtRules[*].jwksUri", .url),
        ] + targetRefs,
        "telemetry.istio.io/Telemetry": targetRefs,
        "extensions.istio.io/WasmPlugin": [
            Field("spec.url", .url),
        ] + targetRefs,
    ]
}
