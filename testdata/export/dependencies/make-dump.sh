#!/usr/bin/env bash
# Makes dump.yaml: what `kubectl get -A -o yaml` prints for the kinds an export with
# --with-namespaces and --with-secrets reads, from `fixture-apiserver --generate 2x11x1
# --with-dependencies` (build it first: swift build --product fixture-apiserver). The export
# tests read this dump offline and expect the same tree as from the live server.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../../.. && pwd)
work=$(mktemp -d)
"$root/.build/debug/fixture-apiserver" --generate 2x11x1 --with-dependencies --write-kubeconfig "$work/kubeconfig" > "$work/url" &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
while [ ! -s "$work/url" ]; do sleep 0.1; done
kubectl --kubeconfig "$work/kubeconfig" get -A -o yaml \
    namespaces,pods,secrets,services,serviceaccounts,gateways.networking.istio.io,destinationrules.networking.istio.io,gateway-api \
    > dump.yaml
kubectl version --client 2>/dev/null | head -1 > kubectl-version.txt
