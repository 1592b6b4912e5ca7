import MeshDumpCore

/// Specs typical of each Istio kind, varied by `variant` (including the shapes neat must keep:
/// an AuthorizationPolicy `rules: [{}]` that allows all, and `spec: {}` that denies all).
struct IstioSpecs {
    let service: String
    let namespace: String
    let variant: Int

    var host: Value { .string("\(service).\(namespace).svc.cluster.local") }
    var selector: Value { ["app": .string(service)] }

    func spec(for kind: String) -> Value {
        switch kind {
        case "VirtualService": virtualService
        case "Gateway":
            ["selector": ["istio": "ingressgateway"],
             "servers": [["port": ["number": 443, "name": "https", "protocol": "HTTPS"], "hosts": [.string("\(service).example.com")],
                          "tls": ["mode": "SIMPLE", "credentialName": .string("\(service)-tls")]],
                         ["port": ["number": 80, "name": "http", "protocol": "HTTP"], "hosts": [.string("\(service).example.com")],
                          "tls": ["httpsRedirect": true]]]]
        case "EnvoyFilter":
            ["workloadSelector": ["labels": selector],
             "configPatches": [["applyTo": "HTTP_FILTER",
                                "match": ["context": "SIDECAR_INBOUND", "listener": ["filterChain": ["filter": [
                                    "name": "envoy.filters.network.http_connection_manager", "subFilter": ["name": "envoy.filters.http.router"]]]]],
                                "patch": ["operation": "INSERT_BEFORE", "value": [
                                    "name": "envoy.filters.http.lua",
                                    "typed_config": ["@type": "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
                                                     "inlineCode": .string("function envoy_on_request(handle)\n  handle:headers():add(\"x-served-by\", \"\(service)\")\nend\n")]]]]]]
        case "DestinationRule":
            ["host": host,
             "trafficPolicy": ["connectionPool": ["tcp": ["maxConnections": 100, "connectTimeout": "3s"],
                                                  "http": ["http1MaxPendingRequests": 1024, "maxRequestsPerConnection": 10]],
                               "outlierDetection": ["consecutive5xxErrors": 5, "interval": "30s", "baseEjectionTime": "60s", "maxEjectionPercent": 50],
                               "loadBalancer": ["simple": "LEAST_REQUEST"], "tls": ["mode": "ISTIO_MUTUAL"]],
             "subsets": [["name": "v1", "labels": ["version": "v1"]],
                         ["name": "v2", "labels": ["version": "v2"], "trafficPolicy": ["loadBalancer": ["simple": "ROUND_ROBIN"]]]]]
        case "Sidecar":
            ["workloadSelector": ["labels": selector],
             "egress": [["hosts": ["./*", "istio-system/*", .string("shared-services/\(service).example.com")]]],
             "outboundTrafficPolicy": ["mode": variant % 2 == 0 ? "REGISTRY_ONLY" : "ALLOW_ANY"]]
        case "PeerAuthentication":
            variant % 4 == 0
                ? ["selector": ["matchLabels": selector], "mtls": ["mode": "STRICT"], "portLevelMtls": ["8080": ["mode": "PERMISSIVE"]]]
                : ["selector": ["matchLabels": selector], "mtls": ["mode": "STRICT"]]
        case "AuthorizationPolicy": authorizationPolicy
        case "RequestAuthentication":
            ["selector": ["matchLabels": selector],
             "jwtRules": [["issuer": "https://auth.example.com", "jwksUri": "https://auth.example.com/.well-known/jwks.json",
                           "audiences": [.string(service)], "forwardOriginalToken": true, "outputPayloadToHeader": "x-jwt-payload"]]]
        case "Telemetry":
            ["selector": ["matchLabels": selector],
             "tracing": [["providers": [["name": "zipkin"]], "randomSamplingPercentage": .float("10.0")]],
             "accessLogging": [["providers": [["name": "envoy"]], "filter": ["expression": "response.code >= 400"]]],
             "metrics": [["providers": [["name": "prometheus"]],
                          "overrides": [["match": ["metric": "REQUEST_COUNT", "mode": "CLIENT_AND_SERVER"],
                                         "tagOverrides": ["request_host": ["operation": "REMOVE"]]]]]]]
        case "ProxyConfig":
            ["selector": ["matchLabels": selector], "concurrency": .int(String(1 + variant % 4)),
             "environmentVariables": ["ISTIO_META_DNS_CAPTURE": "true", "ISTIO_META_DNS_AUTO_ALLOCATE": "true"],
             "image": ["imageType": "distroless"]]
        case "ServiceEntry":
            ["hosts": [.string("\(service).external.example.com")],
             "ports": [["number": 443, "name": "https", "protocol": "TLS"]],
             "location": "MESH_EXTERNAL", "resolution": "DNS", "exportTo": ["."]]
        default:
            ["selector": ["matchLabels": selector]]
        }
    }

    private var virtualService: Value {
        var spec: Value = [
            "hosts": [.string(service), host],
            "http": [["name": "canary",
                      "match": [["uri": ["prefix": "/api/v2/"], "headers": ["x-canary": ["exact": "true"]]]],
                      "route": [["destination": ["host": .string(service), "subset": "v2", "port": ["number": 8080]]]],
                      "retries": ["attempts": 3, "perTryTimeout": "2s", "retryOn": "5xx,reset,connect-failure"],
                      "timeout": "10s"],
                     ["name": "primary",
                      "route": [["destination": ["host": .string(service), "subset": "v1", "port": ["number": 8080]], "weight": 90],
                                ["destination": ["host": .string(service), "subset": "v2", "port": ["number": 8080]], "weight": 10]]]],
        ]
        if variant % 3 == 0 { spec["gateways"] = ["istio-system/public-gateway", "mesh"] }
        return spec
    }

    private var authorizationPolicy: Value {
        switch variant % 10 {
        case 3: return ["selector": ["matchLabels": selector], "action": "ALLOW", "rules": [[:]]]
        case 7: return [:]
        default:
            return ["selector": ["matchLabels": selector], "action": "ALLOW",
                    "rules": [["from": [["source": ["principals": [.string("cluster.local/ns/\(namespace)/sa/frontend")]]]],
                               "to": [["operation": ["methods": ["GET", "POST"], "paths": ["/api/*"]]]],
                               "when": [["key": "request.headers[x-tenant]", "values": ["acme", "globex"]]]]]]
        }
    }

    /// The status Istio's status controller writes.
    static func status(variant: Int) -> Value {
        variant % 5 == 0
            ? ["observedGeneration": "1",
               "validationMessages": [["type": ["code": "IST0101", "name": "ReferencedResourceNotFound"], "level": "ERROR",
                                       "documentationUrl": "https://istio.io/v1.24/docs/reference/config/analysis/ist0101/"]]]
            : ["observedGeneration": "1"]
    }
}
