#!/usr/bin/env python3
"""Generates two meshdump trees for the diff benchmark.

OLD is NAMESPACES x 11 kinds x PER_KIND objects in export's layout
(<namespace>/<resource>/<name>.yaml, block YAML with sorted keys, written without PyYAML); NEW is the same tree with CHANGED_PERCENT
of the objects changed (a weight, a timeout, a label, an added route or port). Deterministic
for a given seed.

usage: diff-gen.py OUT_DIR [--namespaces 50] [--per-kind 20] [--changed-percent 1] [--seed 1]
"""
import argparse
import json
import os
import random
import sys


def vs(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
        "metadata": {"name": name, "namespace": ns, "labels": {"app": name, "team": ns}},
        "spec": {
            "hosts": [f"{name}.{ns}.svc.cluster.local", f"{name}.shop.example.com"],
            "gateways": ["istio-system/ingress", "mesh"],
            "http": [
                {"name": "canary", "match": [{"headers": {"x-canary": {"exact": "true"}}}],
                 "route": [{"destination": {"host": f"{name}.{ns}.svc.cluster.local", "subset": "v2"}}]},
                {"name": "primary", "timeout": "10s", "retries": {"attempts": 3, "perTryTimeout": "2s"},
                 "route": [{"destination": {"host": f"{name}.{ns}.svc.cluster.local", "subset": "v1",
                                            "port": {"number": 9080}}, "weight": 90},
                           {"destination": {"host": f"{name}.{ns}.svc.cluster.local", "subset": "v2",
                                            "port": {"number": 9080}}, "weight": 10}]},
            ],
        },
    }


def gw(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1", "kind": "Gateway",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"istio": "ingressgateway"},
                 "servers": [{"port": {"number": 80, "name": "http", "protocol": "HTTP"}, "hosts": [f"{ns}/{name}.example.com"]},
                             {"port": {"number": 443, "name": "https", "protocol": "HTTPS"}, "hosts": [f"{ns}/{name}.example.com"],
                              "tls": {"mode": "SIMPLE", "credentialName": f"{name}-cert"}}]},
    }


def ef(ns, name, i):
    lua = ("function envoy_on_request(request_handle)\n"
           f"  request_handle:headers():add(\"x-team\", \"{ns}\")\n"
           "  request_handle:headers():add(\"x-filter\", \"" + name + "\")\n"
           "end\n"
           "function envoy_on_response(response_handle)\n"
           "  response_handle:headers():add(\"x-served-by\", \"mesh\")\n"
           "end\n")
    return {
        "apiVersion": "networking.istio.io/v1alpha3", "kind": "EnvoyFilter",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"workloadSelector": {"labels": {"app": name}},
                 "configPatches": [{"applyTo": "HTTP_FILTER",
                                    "match": {"context": "SIDECAR_INBOUND", "listener": {"filterChain": {"filter": {
                                        "name": "envoy.filters.network.http_connection_manager",
                                        "subFilter": {"name": "envoy.filters.http.router"}}}}},
                                    "patch": {"operation": "INSERT_BEFORE", "value": {
                                        "name": "envoy.lua",
                                        "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
                                                         "inlineCode": lua}}}}]},
    }


def dr(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1", "kind": "DestinationRule",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"host": f"{name}.{ns}.svc.cluster.local",
                 "trafficPolicy": {"loadBalancer": {"simple": "LEAST_REQUEST"},
                                   "connectionPool": {"tcp": {"maxConnections": 100}, "http": {"http2MaxRequests": 1000}},
                                   "tls": {"mode": "ISTIO_MUTUAL"}},
                 "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]},
    }


def sidecar(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1", "kind": "Sidecar",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"workloadSelector": {"labels": {"app": name}},
                 "egress": [{"hosts": ["./*", "istio-system/*"]}],
                 "outboundTrafficPolicy": {"mode": "REGISTRY_ONLY"}},
    }


def pa(ns, name, i):
    return {
        "apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"matchLabels": {"app": name}}, "mtls": {"mode": "STRICT"},
                 "portLevelMtls": {"8080": {"mode": "PERMISSIVE"}}},
    }


def ap(ns, name, i):
    return {
        "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"matchLabels": {"app": name}}, "action": "ALLOW",
                 "rules": [{"from": [{"source": {"principals": [f"cluster.local/ns/{ns}/sa/{name}"]}}],
                            "to": [{"operation": {"methods": ["GET", "POST"], "paths": ["/api/*"]}}],
                            "when": [{"key": "request.headers[x-team]", "values": [ns]}]}]},
    }


def ra(ns, name, i):
    return {
        "apiVersion": "security.istio.io/v1", "kind": "RequestAuthentication",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"matchLabels": {"app": name}},
                 "jwtRules": [{"issuer": "https://auth.example.com", "jwksUri": "https://auth.example.com/.well-known/jwks.json",
                               "forwardOriginalToken": True}]},
    }


def telemetry(ns, name, i):
    return {
        "apiVersion": "telemetry.istio.io/v1", "kind": "Telemetry",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"matchLabels": {"app": name}},
                 "tracing": [{"providers": [{"name": "otel"}], "randomSamplingPercentage": 10.0}],
                 "accessLogging": [{"providers": [{"name": "envoy"}]}]},
    }


def proxyconfig(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1beta1", "kind": "ProxyConfig",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"selector": {"matchLabels": {"app": name}}, "concurrency": 2,
                 "environmentVariables": {"ISTIO_META_DNS_CAPTURE": "true"}},
    }


def se(ns, name, i):
    return {
        "apiVersion": "networking.istio.io/v1", "kind": "ServiceEntry",
        "metadata": {"name": name, "namespace": ns},
        "spec": {"hosts": [f"{name}.external.example.com"], "location": "MESH_EXTERNAL", "resolution": "DNS",
                 "ports": [{"number": 443, "name": "https", "protocol": "TLS"}, {"number": 80, "name": "http", "protocol": "HTTP"}],
                 "exportTo": ["."]},
    }


KINDS = [("virtualservices", vs), ("gateways", gw), ("envoyfilters", ef), ("destinationrules", dr),
         ("sidecars", sidecar), ("peerauthentications", pa), ("authorizationpolicies", ap),
         ("requestauthentications", ra), ("telemetries", telemetry), ("proxyconfigs", proxyconfig),
         ("serviceentries", se)]


def change(obj, rng):
    """One reviewable change, as a migration would make it."""
    kind = obj["kind"]
    choice = rng.randrange(3)
    if choice == 0:
        obj["metadata"].setdefault("labels", {})["migrated-from"] = "tcm"
    elif kind == "VirtualService":
        if choice == 1:
            obj["spec"]["http"][1]["route"][0]["weight"] = 80
            obj["spec"]["http"][1]["route"][1]["weight"] = 20
        else:
            obj["spec"]["http"].insert(1, {"name": "mirror", "route": [{"destination": {"host": "mirror"}}]})
    elif kind == "DestinationRule":
        obj["spec"]["subsets"].append({"name": "v3", "labels": {"version": "v3"}})
    elif kind == "ServiceEntry":
        obj["spec"]["ports"].insert(0, {"number": 8443, "name": "alt", "protocol": "TLS"})
    elif kind == "EnvoyFilter":
        value = obj["spec"]["configPatches"][0]["patch"]["value"]["typed_config"]
        value["inlineCode"] = value["inlineCode"].replace("mesh", "new-mesh")
    else:
        obj["metadata"].setdefault("annotations", {})["reviewed"] = "2024-06-01"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--namespaces", type=int, default=50)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--changed-percent", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    total = args.namespaces * len(KINDS) * args.per_kind
    changed = set(rng.sample(range(total), int(total * args.changed_percent / 100)))
    n = 0
    for side in ("old", "new"):
        os.makedirs(os.path.join(args.out, side), exist_ok=True)
    for ns_i in range(args.namespaces):
        ns = f"team-{ns_i:03d}"
        for resource, make in KINDS:
            for i in range(args.per_kind):
                name = f"svc-{i:03d}"
                obj = make(ns, name, i)
                write(os.path.join(args.out, "old", ns, resource, name + ".yaml"), obj)
                if n in changed:
                    change(obj, rng)
                write(os.path.join(args.out, "new", ns, resource, name + ".yaml"), obj)
                n += 1
    print(f"{total} objects per tree, {len(changed)} changed", file=sys.stderr)


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(to_yaml(obj, 0))


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    plain = s and s[0] not in "-?:,[]{}#&*!|>'\"%@`./" and ": " not in s and " #" not in s \
        and s.lower() not in ("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~") \
        and not s.replace(".", "", 1).isdigit() and s[0] not in "0123456789" and "\n" not in s
    return s if plain else json.dumps(s)


def to_yaml(v, indent):
    pad = "  " * indent
    out = ""
    if isinstance(v, dict):
        for k in sorted(v):
            x = v[k]
            key = scalar(k)
            if isinstance(x, str) and "\n" in x:
                out += f"{pad}{key}: |\n" + "".join(f"{pad}  {line}\n" for line in x.rstrip("\n").split("\n"))
            elif isinstance(x, dict) and x:
                out += f"{pad}{key}:\n" + to_yaml(x, indent + 1)
            elif isinstance(x, list) and x:
                out += f"{pad}{key}:\n" + to_yaml(x, indent)
            else:
                out += f"{pad}{key}: {scalar(x) if not isinstance(x, (dict, list)) else ('{}' if isinstance(x, dict) else '[]')}\n"
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict) and x:
                body = to_yaml(x, indent + 1)
                out += f"{pad}- " + body[len(pad) + 2:]
            elif isinstance(x, list) and x:
                out += f"{pad}-\n" + to_yaml(x, indent + 1)
            else:
                out += f"{pad}- {scalar(x)}\n"
    return out


if __name__ == "__main__":
    main()
