#!/usr/bin/env bash
# Rewrite benchmark (issue 5): an 11,000-object tree (50 namespaces x 11 kinds x 20) rewritten
# with a 10-entry rules file (3 namespace moves, hosts, gateways, gatewaySelectors, trustDomain,
# revision, 2 rules).
#   1. the rule stage alone, in process (target >= 50,000 objects/s), best of 5 passes;
#   2. the whole `meshdump rewrite` command (read, stage, write the tree atomically), with peak RSS.
# usage: bench/rewrite.sh [WORKDIR]   (default /tmp/meshdump-bench-rewrite)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/meshdump-bench-rewrite}
rm -rf "$work"
mkdir -p "$work/bin"

# As every release build here: with --static-swift-stdlib (see lib.sh), so it reuses their objects.
swift build -c release --static-swift-stdlib >/dev/null
release=$(swift build -c release --static-swift-stdlib --show-bin-path)

python3 bench/rewrite-gen.py "$work/gen"
printf 'apiVersion: meshdump/v1\nkind: Rules\n' > "$work/empty.yaml"
# The generator writes JSON; let meshdump itself lay it out as export would (YAML files).
"$release/meshdump" rewrite --rules "$work/empty.yaml" "$work/gen/tree" -d "$work/tree" 2>/dev/null

# The stage alone: a small program linked against the release objects of MeshDump and MeshDumpCore
# (the objects of the current sources only: a build folder can hold objects of deleted files).
objects() { find "Sources/$1" -name '*.swift' -exec basename {} \; | sed "s|^|$release/$1.build/|; s|$|.o|"; }
swiftc -O -I "$release/Modules" -I Sources/CYAML bench/rewrite-stage.swift \
    $(objects MeshDump) $(objects MeshDumpCore) -lyaml -o "$work/bin/rewrite-stage"
echo "== rule stage alone"
"$work/bin/rewrite-stage" "$work/gen/rules.yaml" "$work/tree"

echo "== meshdump rewrite (whole command)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KiB" \
    "$release/meshdump" rewrite --rules "$work/gen/rules.yaml" "$work/tree" -d "$work/out" 2>"$work/stderr" || true
grep -v warning "$work/stderr"
echo "($(grep -c warning "$work/stderr") warnings, in $work/stderr)"
find "$work/out" -name '*.yaml' | wc -l | xargs echo "files written:"
