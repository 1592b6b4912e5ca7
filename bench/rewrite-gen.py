#!/usr/bin/env python3
"""Generates a meshdump tree for the rewrite benchmark: NS namespaces x 11 kinds x PER objects
(default 50 x 11 x 20 = 11,000), in export's layout, each object referencing hosts, gateways,
namespaces and identities the way real meshes do; and the 10-entry rules file it is rewritten with.

usage: rewrite-gen.py OUT_DIR [NAMESPACES] [PER_KIND]
"""
import json
import os
import sys

out = sys.argv[1]
namespaces = int(sys.argv[2]) if len(sys.argv) > 2 else 50
per = int(sys.argv[3]) if len(sys.argv) > 3 else 20


def ns(i):
    return "team-%03d" % i


def objects(n, i):
    peer = ns((int(n[5:]) + 1) % namespaces)
    svc = "svc-%02d" % i
    fqdn = "%s.%s.svc.cluster.local" % (svc, n)
    meta = {"name": "%s" % svc, "namespace": n,
            "labels": {"app": svc, "app.kubernetes.io/managed-by": "tcm", "istio.io/rev": "1-18-5"}}
    yield "virtualservices", {
        "apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": meta,
        "spec": {"hosts": [svc, fqdn, "%s.shop.example.com" % svc],
                 "gateways": ["istio-system/ingress-0", "mesh", "%s/gw-00" % n],
                 "exportTo": [".", peer],
                 "http": [{"name": "primary",
                           "match": [{"uri": {"prefix": "/api"}, "authority": {"exact": fqdn}, "sourceNamespace": peer,
                                      "headers": {"x-team": {"exact": n}}}],
                           "route": [{"destination": {"host": fqdn, "subset": "v1", "port": {"number": 9080}}, "weight": 90},
                                     {"destination": {"host": "%s.%s.svc.cluster.local" % (svc, peer), "subset": "v2"}, "weight": 10}],
                           "mirror": {"host": "mirror.%s.svc.cluster.local" % n},
                           "timeout": "5s", "retries": {"attempts": 3, "perTryTimeout": "2s"}},
                          {"route": [{"destination": {"host": svc}}]}]}}
    yield "gateways", {
        "apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": dict(meta, name="gw-%02d" % i),
        "spec": {"selector": {"istio": "ingressgateway"},
                 "servers": [{"port": {"number": 443, "name": "https", "protocol": "HTTPS"},
                              "hosts": ["%s/%s.shop.example.com" % (n, svc), "./*.internal.example.com"],
                              "tls": {"mode": "SIMPLE", "credentialName": "cert-%s" % svc}}]}}
    yield "envoyfilters", {
        "apiVersion": "networking.istio.io/v1alpha3", "kind": "EnvoyFilter", "metadata": dict(meta, name="ef-%02d" % i),
        "spec": {"workloadSelector": {"labels": {"app": svc}},
                 "configPatches": [{"applyTo": "CLUSTER",
                                    "match": {"context": "SIDECAR_OUTBOUND",
                                              "cluster": {"service": fqdn, "name": "outbound|9080|v1|" + fqdn}},
                                    "patch": {"operation": "MERGE", "value": {"connect_timeout": "1s"}}},
                                   {"applyTo": "HTTP_FILTER",
                                    "match": {"context": "SIDECAR_INBOUND", "listener": {"filterChain": {"filter": {"name": "envoy.filters.network.http_connection_manager"}}}},
                                    "patch": {"operation": "INSERT_BEFORE",
                                              "value": {"name": "envoy.lua", "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
                                                        "inlineCode": "function envoy_on_request(h) h:headers():add('x-from', 'svc') end"}}}}]}}
    yield "destinationrules", {
        "apiVersion": "networking.istio.io/v1", "kind": "DestinationRule", "metadata": dict(meta, name="dr-%02d" % i),
        "spec": {"host": fqdn, "exportTo": ["."],
                 "trafficPolicy": {"loadBalancer": {"simple": "LEAST_REQUEST"},
                                   "tls": {"mode": "ISTIO_MUTUAL", "sni": fqdn,
                                           "subjectAltNames": ["spiffe://cluster.local/ns/%s/sa/%s" % (n, svc)]}},
                 "subsets": [{"name": "v1", "labels": {"version": "v1"}},
                             {"name": "v2", "labels": {"version": "v2"}, "trafficPolicy": {"tls": {"mode": "ISTIO_MUTUAL", "sni": fqdn}}}]}}
    yield "sidecars", {
        "apiVersion": "networking.istio.io/v1", "kind": "Sidecar", "metadata": dict(meta, name="sc-%02d" % i),
        "spec": {"workloadSelector": {"labels": {"app": svc}},
                 "egress": [{"hosts": ["./*", "istio-system/*", "%s/%s.%s.svc.cluster.local" % (peer, svc, peer), "~%s/*" % ns((int(n[5:]) + 2) % namespaces)]}],
                 "outboundTrafficPolicy": {"mode": "REGISTRY_ONLY"}}}
    yield "peerauthentications", {
        "apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication", "metadata": dict(meta, name="pa-%02d" % i),
        "spec": {"selector": {"matchLabels": {"app": svc}}, "mtls": {"mode": "STRICT"}, "portLevelMtls": {"8080": {"mode": "PERMISSIVE"}}}}
    yield "authorizationpolicies", {
        "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": dict(meta, name="ap-%02d" % i),
        "spec": {"selector": {"matchLabels": {"app": svc}}, "action": "ALLOW",
                 "rules": [{"from": [{"source": {"principals": ["cluster.local/ns/%s/sa/%s" % (peer, svc), "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"],
                                                 "namespaces": [peer]}}],
                            "to": [{"operation": {"methods": ["GET", "POST"], "paths": ["/api/*"], "hosts": [fqdn]}}],
                            "when": [{"key": "source.namespace", "values": [peer]}, {"key": "request.headers[x-team]", "values": [n]}]}]}}
    yield "requestauthentications", {
        "apiVersion": "security.istio.io/v1", "kind": "RequestAuthentication", "metadata": dict(meta, name="ra-%02d" % i),
        "spec": {"selector": {"matchLabels": {"app": svc}},
                 "jwtRules": [{"issuer": "https://auth.example.com", "jwksUri": "http://jwks.%s.svc.cluster.local:8080/keys" % n,
                               "forwardOriginalToken": True}]}}
    yield "telemetries", {
        "apiVersion": "telemetry.istio.io/v1", "kind": "Telemetry", "metadata": dict(meta, name="tm-%02d" % i),
        "spec": {"selector": {"matchLabels": {"app": svc}},
                 "tracing": [{"providers": [{"name": "zipkin"}], "randomSamplingPercentage": 10.0,
                              "customTags": {"team": {"literal": {"value": n}}}}]}}
    yield "proxyconfigs", {
        "apiVersion": "networking.istio.io/v1beta1", "kind": "ProxyConfig", "metadata": dict(meta, name="pc-%02d" % i),
        "spec": {"selector": {"matchLabels": {"app": svc}}, "concurrency": 2,
                 "environmentVariables": {"ISTIO_META_DNS_CAPTURE": "true"}}}
    yield "serviceentries", {
        "apiVersion": "networking.istio.io/v1", "kind": "ServiceEntry", "metadata": dict(meta, name="se-%02d" % i),
        "spec": {"hosts": ["%s.ext.example.com" % svc], "location": "MESH_EXTERNAL", "resolution": "DNS",
                 "ports": [{"number": 443, "name": "https", "protocol": "TLS"}], "exportTo": [".", peer]}}


RULES = """apiVersion: meshdump/v1
kind: Rules
namespaces:
  team-000: payments
  team-001: orders
  team-002: catalog
hosts:
  "*.shop.example.com": "*.shop.example.org"
gateways:
  istio-system/ingress-0: istio-ingress/public
gatewaySelectors:
  - from: {istio: ingressgateway}
    to: {istio: ingressgateway-intranet}
trustDomain: {from: cluster.local, to: mesh.example.com}
revision: {from: 1-18-5, to: null}
rules:
  - name: drop TCM bookkeeping
    match: {namespaces: ["team-*"], labels: "app.kubernetes.io/managed-by=tcm"}
    removeLabels: [app.kubernetes.io/managed-by]
    setLabels: {migrated-from: tcm}
  - match: {kinds: [DestinationRule]}
    patch:
      - {op: replace, path: /spec/trafficPolicy/loadBalancer/simple, value: ROUND_ROBIN}
"""

count = 0
for k in range(namespaces):
    n = ns(k)
    for i in range(per):
        for resource, obj in objects(n, i):
            d = os.path.join(out, "tree", n, resource)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, obj["metadata"]["name"] + ".json"), "w") as f:
                json.dump(obj, f)
            count += 1
with open(os.path.join(out, "rules.yaml"), "w") as f:
    f.write(RULES)
print("%d objects in %s/tree, rules in %s/rules.yaml" % (count, out, out))
