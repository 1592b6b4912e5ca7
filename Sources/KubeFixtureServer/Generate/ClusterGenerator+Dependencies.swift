import MeshDumpCore

/// What a mesh needs around its Istio objects, for `--with-namespaces` and `--with-secrets`:
///
/// - namespace `istio-ingress` (labelled `istio.io/rev: 1-18-5`) with the ingress gateway's Pod
///   (`istio: ingressgateway`, the selector of every generated Gateway) and its LoadBalancer
///   Service;
/// - there, a TLS Secret for each generated Gateway's `credentialName` (`<service>-tls`), and
///   Gateway `public-gw`, MUTUAL on `shop-tls` (with `shop-tls-cacert`) and naming
///   `retired-tls`, which does not exist;
/// - in the first team namespace, DestinationRule `external-api` (MUTUAL, `credentialName:
///   external-api-client`, which exists there);
/// - in every team namespace, a ClusterIP Service per generated name, ServiceAccount `default`
///   and its token Secret;
/// - Gateway API: GatewayClass `istio`, Gateway `istio-ingress/api-gateway` (certificate
///   `shop-tls`) and an HTTPRoute per team namespace.
///
/// Every Secret value is distinct and says whose it is (`fixture secret istio-ingress/shop-tls
/// tls.key`), so tests can look for leaks.
extension ClusterGenerator {
    public static let ingressNamespace = "istio-ingress"

    func populateDependencies(_ cluster: inout FixtureCluster) throws {
        let ns = Self.ingressNamespace
        try cluster.add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns), "labels": ["istio.io/rev": "1-18-5"]]])
        try cluster.add(["apiVersion": "v1", "kind": "Pod",
                         "metadata": ["name": "istio-ingressgateway-7d4f9c8b6-x2x9k", "namespace": .string(ns),
                                      "labels": ["app": "istio-ingressgateway", "istio": "ingressgateway"]],
                         "spec": ["containers": [["name": "istio-proxy", "image": "docker.io/istio/proxyv2:1.18.5"]]],
                         "status": ["phase": "Running"]])
        try cluster.add(Self.service("istio-ingressgateway", namespace: ns, ip: "10.96.0.20", type: "LoadBalancer",
                                     selector: ["istio": "ingressgateway"], ports: [("http2", 80), ("https", 443)]))
        let names = (0..<objectsPerKind).map { Self.objectName($0) }
        if kinds >= 2 {
            for name in names { try cluster.add(Self.tlsSecret("\(name)-tls", namespace: ns)) }
        }
        try cluster.add(Self.tlsSecret("shop-tls", namespace: ns))
        try cluster.add(Self.secret("shop-tls-cacert", namespace: ns, type: "Opaque", keys: ["ca.crt"]))
        try cluster.add(["apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": ["name": "public-gw", "namespace": .string(ns)],
                         "spec": ["selector": ["istio": "ingressgateway"],
                                  "servers": [Self.httpsServer("shop.example.com", mode: "MUTUAL", credential: "shop-tls"),
                                              Self.httpsServer("legacy.example.com", mode: "SIMPLE", credential: "retired-tls")]]])
        try populateGatewayAPI(&cluster, names: names)
        for n in 0..<namespaces {
            let team = Self.namespaceName(n)
            for (j, name) in names.enumerated() {
                try cluster.add(Self.service(name, namespace: team, ip: "10.96.\(1 + n).\(10 + j)", type: "ClusterIP",
                                             selector: ["app": .string(name)], ports: [("http", 8080)]))
            }
            try cluster.add(["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "default", "namespace": .string(team)]])
            var token = Self.secret("default-token-x7k2p", namespace: team, type: "kubernetes.io/service-account-token", keys: ["ca.crt", "namespace", "token"])
            token["metadata"]?["annotations"] = ["kubernetes.io/service-account.name": "default"]
            try cluster.add(token)
        }
        guard namespaces > 0 else { return }
        let first = Self.namespaceName(0)
        try cluster.add(Self.secret("external-api-client", namespace: first, type: "kubernetes.io/tls", keys: ["ca.crt", "tls.crt", "tls.key"]))
        try cluster.add(["apiVersion": "networking.istio.io/v1", "kind": "DestinationRule", "metadata": ["name": "external-api", "namespace": .string(first)],
                         "spec": ["host": "api.partner.example.com",
                                  "trafficPolicy": ["tls": ["mode": "MUTUAL", "credentialName": "external-api-client", "sni": "api.partner.example.com"]]]])
    }

    private func populateGatewayAPI(_ cluster: inout FixtureCluster, names: [String]) throws {
        let group = "\(GatewayAPIKinds.group)/v1"
        try cluster.add(["apiVersion": .string(group), "kind": "GatewayClass", "metadata": ["name": "istio"],
                         "spec": ["controllerName": "istio.io/gateway-controller"]])
        try cluster.add(["apiVersion": .string(group), "kind": "Gateway", "metadata": ["name": "api-gateway", "namespace": .string(Self.ingressNamespace)],
                         "spec": ["gatewayClassName": "istio",
                                  "listeners": [["name": "https", "port": 443, "protocol": "HTTPS", "hostname": "api.example.com",
                                                 "tls": ["mode": "Terminate", "certificateRefs": [["name": "shop-tls"]]],
                                                 "allowedRoutes": ["namespaces": ["from": "All"]]]]]])
        for n in 0..<namespaces {
            let team = Self.namespaceName(n)
            try cluster.add(["apiVersion": .string(group), "kind": "HTTPRoute", "metadata": ["name": "api", "namespace": .string(team)],
                             "spec": ["parentRefs": [["name": "api-gateway", "namespace": .string(Self.ingressNamespace)]],
                                      "hostnames": ["api.example.com"],
                                      "rules": [["matches": [["path": ["type": "PathPrefix", "value": "/api"]]],
                                                 "backendRefs": [["name": .string(names.first ?? "reviews"), "port": 8080]]]]]])
        }
    }

    static func objectName(_ j: Int) -> String {
        j < services.count ? services[j] : "\(services[j % services.count])-\(j / services.count)"
    }

    static func httpsServer(_ host: String, mode: String, credential: String) -> Value {
        ["port": ["number": 443, "name": .string("https-" + host.split(separator: ".")[0]), "protocol": "HTTPS"], "hosts": [.string(host)],
         "tls": ["mode": .string(mode), "credentialName": .string(credential)]]
    }

    /// A Service as the API server stores it: cluster IPs, single-stack IPv4 and the other defaults.
    static func service(_ name: String, namespace: String, ip: String, type: String, selector: Value, ports: [(String, Int)]) -> Value {
        var spec: Value = [
            "type": .string(type), "selector": selector, "clusterIP": .string(ip), "clusterIPs": [.string(ip)],
            "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster", "sessionAffinity": "None",
            "ports": .sequence(ports.map { ["name": .string($0.0), "port": .int(String($0.1)), "protocol": "TCP", "targetPort": .int(String($0.1))] }),
        ]
        var status: Value = ["loadBalancer": [:]]
        if type == "LoadBalancer" {
            spec["externalTrafficPolicy"] = "Cluster"
            spec["allocateLoadBalancerNodePorts"] = true
            status = ["loadBalancer": ["ingress": [["ip": "203.0.113.10"]]]]
        }
        return ["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec, "status": status]
    }

    static func tlsSecret(_ name: String, namespace: String) -> Value {
        secret(name, namespace: namespace, type: "kubernetes.io/tls", keys: ["tls.crt", "tls.key"])
    }

    /// A Secret whose every value names itself: `fixture secret NS/NAME KEY`, base64-encoded.
    static func secret(_ name: String, namespace: String, type: String, keys: [String]) -> Value {
        var data = Mapping()
        for key in keys { data[key] = .string(Base64Text.encode(Array(secretValue(namespace, name, key).utf8))) }
        return ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": .string(name), "namespace": .string(namespace)],
                "type": .string(type), "data": .mapping(data)]
    }

    /// The plain text of a generated Secret's value.
    public static func secretValue(_ namespace: String, _ name: String, _ key: String) -> String {
        "fixture secret \(namespace)/\(name) \(key)"
    }
}
