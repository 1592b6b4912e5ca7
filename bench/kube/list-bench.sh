#!/usr/bin/env bash
# Client-side throughput of a paged cluster-wide list: 10,000 VirtualServices (default:
# 50 namespaces x 1 kind x 200 objects, each ~4 KB of realistic JSON) served by the fixture API
# server over plain http on loopback, listed with `limit=500` and decoded object by object by
# MeshDumpKube (no neat, no writing). Prints objects/s per run and the client's peak RSS, as
# measured by the process itself (getrusage) and by /usr/bin/time -v.
#
# usage: bench/kube/list-bench.sh [SHAPE] [RUNS]     e.g. bench/kube/list-bench.sh 50x1x200 5
set -euo pipefail
cd "$(dirname "$0")/../.."
shape="${1:-50x1x200}"
runs="${2:-5}"
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# With --static-swift-stdlib, as every release build here (see bench/lib.sh), so they share objects.
swift build -c release --static-swift-stdlib --product fixture-apiserver >&2
swift build -c release --static-swift-stdlib --product kube-list-bench >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"

"$bin/fixture-apiserver" --generate "$shape" --write-kubeconfig "$work/kubeconfig" >"$work/url" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1200); do [ -s "$work/url" ] && break; sleep 0.1; done
[ -s "$work/url" ] || { echo "fixture-apiserver did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
echo "server: $(cat "$work/server.log")"
echo "client: kube-list-bench, page size 500, $runs runs"

/usr/bin/time -v "$bin/kube-list-bench" --kubeconfig "$work/kubeconfig" --resource virtualservices --repeat "$runs" 2>"$work/time"
grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" "$work/time" | sed 's/^\s*/time -v: /'
