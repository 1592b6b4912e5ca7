#!/usr/bin/env python3
"""Makes a diff-gen.py tree a mesh `meshdump check` can judge.

Always: each Gateway's credentialName becomes unique to its namespace (diff-gen.py gives every
namespace's svc-NNN Gateway the same one, which check rightly reports as duplicate certificates
50 times over). With --context, adds what the analyzers read besides Istio objects: per
namespace a Service and two Pods (versions v1, v2) for each svc-NNN; in istio-system the ingress
gateway's Pod and Service, the `ingress` Gateway every VirtualService names, and a Secret with
a valid certificate (testdata/check/clean's) for every credentialName. Deterministic.

usage: check-context.py TREE [--context] [--namespaces 50] [--per-kind 20]
"""
import argparse
import importlib.util
import os

spec = importlib.util.spec_from_file_location("diffgen", os.path.join(os.path.dirname(__file__), "diff-gen.py"))
diffgen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(diffgen)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tree")
    parser.add_argument("--namespaces", type=int, default=50)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--context", action="store_true")
    args = parser.parse_args()
    for ns_i in range(args.namespaces):
        ns = f"team-{ns_i:03d}"
        for i in range(args.per_kind):
            name = f"svc-{i:03d}"
            obj = diffgen.gw(ns, name, i)
            obj["spec"]["servers"][1]["tls"]["credentialName"] = f"{name}-cert-{ns}"
            diffgen.write(os.path.join(args.tree, ns, "gateways", name + ".yaml"), obj)
    if not args.context:
        return
    data = {}
    with open(os.path.join(os.path.dirname(__file__), "..", "testdata", "check", "clean", "istio-system", "secrets", "shop-cert.yaml")) as f:
        for line in f:
            if line.startswith("  tls."):
                key, value = line.strip().split(": ", 1)
                data[key] = value
    out = lambda ns, resource, name, obj: diffgen.write(os.path.join(args.tree, ns, resource, name + ".yaml"), obj)
    count = 0
    for ns_i in range(args.namespaces):
        ns = f"team-{ns_i:03d}"
        for i in range(args.per_kind):
            name = f"svc-{i:03d}"
            out(ns, "services", name, {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "namespace": ns},
                                       "spec": {"selector": {"app": name}, "ports": [{"name": "http", "port": 9080}]}})
            for version in ("v1", "v2"):
                pod = f"{name}-{version}-5d8f7"
                out(ns, "pods", pod, {"apiVersion": "v1", "kind": "Pod",
                                      "metadata": {"name": pod, "namespace": ns, "labels": {"app": name, "version": version}},
                                      "spec": {"containers": [{"name": name, "image": f"{name}:{version}"}]}})
            out("istio-system", "secrets", f"{name}-cert-{ns}", {"apiVersion": "v1", "kind": "Secret",
                                                                   "metadata": {"name": f"{name}-cert-{ns}", "namespace": "istio-system"},
                                                                   "type": "kubernetes.io/tls", "data": data})
            count += 4
    out("istio-system", "pods", "istio-ingressgateway-5d8f7",
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "istio-ingressgateway-5d8f7", "namespace": "istio-system",
                                                         "labels": {"istio": "ingressgateway"}}})
    out("istio-system", "services", "istio-ingressgateway",
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "istio-ingressgateway", "namespace": "istio-system"},
         "spec": {"selector": {"istio": "ingressgateway"},
                  "ports": [{"port": 80, "protocol": "TCP", "targetPort": 8080}, {"port": 443, "protocol": "TCP", "targetPort": 8443}]}})
    out("istio-system", "gateways", "ingress",
        {"apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": {"name": "ingress", "namespace": "istio-system"},
         "spec": {"selector": {"istio": "ingressgateway"},
                  "servers": [{"port": {"number": 80, "name": "http", "protocol": "HTTP"}, "hosts": ["*/*.shop.example.com"]}]}})
    print(f"{count + 3} context objects", flush=True)


if __name__ == "__main__":
    main()
