#!/usr/bin/env python3
"""Realistic Istio objects as an API server returns them (managedFields, last-applied, status).

Used by the benchmarks:  python3 istio_objects.py --objects 5000 --out list.json
writes a `kubectl get -o json`-style List (--yaml: the `kubectl get -o yaml` layout);
--namespaces spreads them like a mesh.
"""
import argparse, json, random, re

KINDS = [
    ("networking.istio.io/v1", "VirtualService"), ("networking.istio.io/v1", "Gateway"),
    ("networking.istio.io/v1alpha3", "EnvoyFilter"), ("networking.istio.io/v1", "DestinationRule"),
    ("networking.istio.io/v1", "Sidecar"), ("security.istio.io/v1", "PeerAuthentication"),
    ("security.istio.io/v1", "AuthorizationPolicy"), ("security.istio.io/v1", "RequestAuthentication"),
    ("telemetry.istio.io/v1", "Telemetry"), ("networking.istio.io/v1beta1", "ProxyConfig"),
    ("networking.istio.io/v1", "ServiceEntry"),
]

def spec(kind, ns, name, r):
    host = f"{name}.{ns}.svc.cluster.local"
    if kind == "VirtualService":
        return {"hosts": [name, host], "gateways": ["mesh", f"{ns}/public"], "http": [
            {"name": f"route-{i}", "match": [{"uri": {"prefix": f"/api/v{i}"}, "headers": {"x-canary": {"exact": "true"}}}],
             "route": [{"destination": {"host": host, "subset": "v1", "port": {"number": 8080}}, "weight": 90},
                       {"destination": {"host": host, "subset": "v2", "port": {"number": 8080}}, "weight": 10}],
             "timeout": "5s", "retries": {"attempts": 3, "perTryTimeout": "2s", "retryOn": "5xx,reset,connect-failure"}}
            for i in range(3)]}
    if kind == "Gateway":
        return {"selector": {"istio": "ingressgateway"}, "servers": [
            {"port": {"number": 443, "name": "https", "protocol": "HTTPS"}, "hosts": [f"{ns}/{name}.example.com"],
             "tls": {"mode": "SIMPLE", "credentialName": f"{name}-cert"}},
            {"port": {"number": 80, "name": "http", "protocol": "HTTP"}, "hosts": [f"{ns}/{name}.example.com"],
             "tls": {"httpsRedirect": True}}]}
    if kind == "EnvoyFilter":
        return {"workloadSelector": {"labels": {"app": name}}, "configPatches": [{
            "applyTo": "HTTP_FILTER", "match": {"context": "SIDECAR_INBOUND", "listener": {"filterChain": {"filter": {
                "name": "envoy.filters.network.http_connection_manager", "subFilter": {"name": "envoy.filters.http.router"}}}}},
            "patch": {"operation": "INSERT_BEFORE", "value": {"name": "envoy.lua", "typed_config": {
                "@type": "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
                "inlineCode": "function envoy_on_request(h)\n  h:headers():add(\"x-env\", \"%s\")\nend\n" % ns}}}}]}
    if kind == "DestinationRule":
        return {"host": host, "trafficPolicy": {"loadBalancer": {"simple": "LEAST_REQUEST"},
                "connectionPool": {"tcp": {"maxConnections": 100}, "http": {"http1MaxPendingRequests": 1000}},
                "outlierDetection": {"consecutive5xxErrors": 5, "interval": "30s", "baseEjectionTime": "30s"}},
                "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}
    if kind == "Sidecar":
        return {"workloadSelector": {"labels": {"app": name}},
                "egress": [{"hosts": ["./*", "istio-system/*", f"{ns}/{name}.{ns}.svc.cluster.local"]}],
                "outboundTrafficPolicy": {"mode": "REGISTRY_ONLY"}}
    if kind == "PeerAuthentication":
        return {"selector": {"matchLabels": {"app": name}}, "mtls": {"mode": "STRICT"},
                "portLevelMtls": {"8080": {"mode": "PERMISSIVE"}}}
    if kind == "AuthorizationPolicy":
        return {"selector": {"matchLabels": {"app": name}}, "action": "ALLOW", "rules": [
            {"from": [{"source": {"principals": [f"cluster.local/ns/{ns}/sa/{name}-client"], "namespaces": [ns]}}],
             "to": [{"operation": {"methods": ["GET", "POST"], "paths": ["/api/*"]}}],
             "when": [{"key": "request.headers[x-tenant]", "values": ["a", "b"]}]}, {}]}
    if kind == "RequestAuthentication":
        return {"selector": {"matchLabels": {"app": name}}, "jwtRules": [
            {"issuer": "https://auth.example.com", "jwksUri": "https://auth.example.com/.well-known/jwks.json",
             "forwardOriginalToken": True, "outputPayloadToHeader": "x-jwt-payload"}]}
    if kind == "Telemetry":
        return {"selector": {"matchLabels": {"app": name}}, "accessLogging": [{"providers": [{"name": "envoy"}]}],
                "tracing": [{"randomSamplingPercentage": 10.5, "customTags": {"env": {"literal": {"value": ns}}}}]}
    if kind == "ProxyConfig":
        return {"selector": {"matchLabels": {"app": name}}, "concurrency": 2,
                "environmentVariables": {"ISTIO_META_DNS_CAPTURE": "true"}}
    return {"hosts": [f"{name}.external.example.com"], "location": "MESH_EXTERNAL", "resolution": "DNS",
            "ports": [{"number": 443, "name": "https", "protocol": "TLS"}], "exportTo": ["."]}

def fields_v1(value):
    if isinstance(value, dict):
        out = {".": {}} if value else {}
        for k, v in value.items():
            out["f:" + k] = fields_v1(v)
        return out
    if isinstance(value, list):
        return {}
    return {}

def istio_object(api, kind, ns, name, r):
    s = spec(kind, ns, name, r)
    applied = {"apiVersion": api, "kind": kind, "metadata": {"annotations": {}, "labels": {"app": name},
               "name": name, "namespace": ns}, "spec": s}
    return {
        "apiVersion": api, "kind": kind,
        "metadata": {
            "annotations": {"kubectl.kubernetes.io/last-applied-configuration": json.dumps(applied, separators=(",", ":")) + "\n"},
            "creationTimestamp": "2024-06-18T07:03:36Z", "generation": 1 + r.randrange(5),
            "labels": {"app": name, "app.kubernetes.io/managed-by": "tcm"},
            "managedFields": [{"apiVersion": api, "fieldsType": "FieldsV1",
                               "fieldsV1": {"f:metadata": {"f:annotations": {".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {}},
                                                           "f:labels": {".": {}, "f:app": {}}},
                                            "f:spec": fields_v1(s)},
                               "manager": "kubectl-client-side-apply", "operation": "Update", "time": "2024-06-18T07:03:36Z"},
                              {"apiVersion": api, "fieldsType": "FieldsV1",
                               "fieldsV1": {"f:status": {".": {}, "f:conditions": {}, "f:observedGeneration": {}}},
                               "manager": "pilot-discovery", "operation": "Update", "subresource": "status",
                               "time": "2024-06-18T07:04:00Z"}],
            "name": name, "namespace": ns, "resourceVersion": str(100000 + r.randrange(900000)),
            "uid": "%08x-%04x-%04x-%04x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(16), r.getrandbits(16), r.getrandbits(48)),
        },
        "spec": s,
        "status": {"conditions": [{"lastTransitionTime": "2024-06-18T07:04:00Z", "message": "Configuration is accepted",
                                   "reason": "Accepted", "status": "True", "type": "Reconciled"}],
                   "observedGeneration": 1, "validationMessages": [{"documentationUrl": "https://istio.io/latest/docs/reference/config/analysis/ist0102/",
                                                                   "level": "INFO", "type": {"code": "IST0102", "name": "NamespaceNotInjected"}}]},
    }

PLAIN = re.compile(r"[A-Za-z_/.][A-Za-z0-9_./:-]*(?<!:)")
NOT_PLAIN = {"y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
             "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"}

def yaml_lines(value, indent, out):
    """kubectl's block layout: two-space indent, `- ` items at their key's column, literal blocks
    for multi-line strings, double quotes (JSON escapes are YAML escapes) where plain would misread."""
    pad = " " * indent
    if isinstance(value, dict):
        for k in sorted(value):
            yaml_entry(pad + yaml_scalar(k) + ":", value[k], indent, out)
    else:
        for item in value:
            if isinstance(item, dict) and item:
                first = []
                yaml_lines(item, indent + 2, first)
                out.append(pad + "- " + first[0][indent + 2:])
                out.extend(first[1:])
            else:
                yaml_entry(pad + "-", item, indent, out)

def yaml_entry(head, value, indent, out):
    if isinstance(value, (dict, list)) and value:
        out.append(head)
        yaml_lines(value, indent + 2 if isinstance(value, dict) else indent, out)
    elif isinstance(value, str) and literal(value):
        out.append(head + (" |" if value.endswith("\n") else " |-"))
        out.extend(" " * (indent + 2) + line for line in value.removesuffix("\n").split("\n"))
    else:
        out.append(head + " " + yaml_scalar(value))

def literal(s):
    body = s.removesuffix("\n")
    return "\n" in s and not body.endswith("\n") and all(line and line == line.strip() for line in body.split("\n"))

def yaml_scalar(value):
    if isinstance(value, bool): return "true" if value else "false"
    if value is None: return "null"
    if isinstance(value, (int, float)): return json.dumps(value)
    if isinstance(value, dict): return "{}"
    if isinstance(value, list): return "[]"
    return value if PLAIN.fullmatch(value) and value not in NOT_PLAIN else json.dumps(value, ensure_ascii=False)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--objects", type=int, default=5000)
    p.add_argument("--namespaces", type=int, default=50)
    p.add_argument("--out", required=True)
    p.add_argument("--compact", action="store_true", help="one line instead of kubectl's 4-space layout")
    p.add_argument("--yaml", action="store_true", help="YAML as `kubectl get -o yaml` prints it")
    a = p.parse_args()
    r = random.Random(42)
    items = []
    for i in range(a.objects):
        api, kind = KINDS[i % len(KINDS)]
        ns = "team-%03d" % (i // len(KINDS) % a.namespaces)
        items.append(istio_object(api, kind, ns, "svc-%05d" % i, r))
    with open(a.out, "w") as f:
        doc = {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}
        if a.yaml:
            lines = []
            yaml_lines(doc, 0, lines)
            f.write("\n".join(lines) + "\n")
        elif a.compact:
            json.dump(doc, f, separators=(",", ":"))
        else:
            json.dump(doc, f, indent=4, sort_keys=True, ensure_ascii=False)
            f.write("\n")

if __name__ == "__main__":
    main()
