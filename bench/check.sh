#!/usr/bin/env bash
# Benchmark of `meshdump check` (issue 13): an 11,000-object tree (bench/diff-gen.py: 50
# namespaces x 11 kinds x 20, each Gateway's credentialName made its namespace's own by
# bench/check-context.py) checked by every analyzer, target under half a second; then the same
# tree with the Services, Pods, Secrets and gateway objects that let every analyzer run
# (check-context.py --context: 3,003 more objects). Prints the median wall time of RUNS runs (after
# one warm-up), objects/s, CPU time (user + system: the figure to compare when the machine is
# busy), peak RSS and what was found.
#
# usage: bench/check.sh [WORKDIR]   (default: a fresh directory under /tmp, removed afterwards)
# Environment: RUNS (default 5), NAMESPACES (50), PER_KIND (20), FORMAT (json).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS=${RUNS:-5}
NAMESPACES=${NAMESPACES:-50}
PER_KIND=${PER_KIND:-20}
FORMAT=${FORMAT:-json}
work=${1:-}
if [[ -z "$work" ]]; then
  work=$(mktemp -d /tmp/meshdump-check-bench.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi

build_release 2>/dev/null
python3 bench/diff-gen.py "$work/gen" --namespaces "$NAMESPACES" --per-kind "$PER_KIND" --changed-percent 0 2>/dev/null
mv "$work/gen/old" "$work/tree" && rm -rf "$work/gen"
python3 bench/check-context.py "$work/tree" --namespaces "$NAMESPACES" --per-kind "$PER_KIND"
cp -r "$work/tree" "$work/context"
python3 bench/check-context.py "$work/context" --context --namespaces "$NAMESPACES" --per-kind "$PER_KIND" >/dev/null

# run NAME TREE: one warm-up, then RUNS timed runs of `meshdump check -o FORMAT TREE`.
run() {
  local name=$1 tree=$2
  "$MESHDUMP" check -o "$FORMAT" "$tree" >/dev/null || true
  local times=() cpus=() rss=()
  for _ in $(seq "$RUNS"); do
    local status=0
    /usr/bin/time -v -o "$work/time.txt" "$MESHDUMP" check -o "$FORMAT" "$tree" >"$work/out.txt" || status=$?
    if [[ $status -gt 1 ]]; then
      echo "$name: exit $status" >&2
      exit 1
    fi
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, t, ":"); print t[1] * 60 + t[2] }' "$work/time.txt")")
    cpus+=("$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$work/time.txt")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")")
  done
  local objects median_time median_cpu median_rss
  objects=$(find "$tree" -name '*.yaml' | wc -l)
  median_time=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  median_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%-18s %6d objects  runs: %s s   median %s s wall (%d objects/s), %s s CPU, peak RSS %d MB\n' "$name" "$objects" \
    "${times[*]}" "$median_time" "$(awk -v n="$objects" -v t="$median_time" 'BEGIN { print int(n / t) }')" "$median_cpu" $((median_rss / 1024))
  echo "                   $("$MESHDUMP" check "$tree" | tail -n 1)"
}

echo "meshdump check, $(nproc) cores (load average $(cut -d" " -f1 /proc/loadavg)), release build (static Swift runtime), -o $FORMAT"
run "Istio tree"         "$work/tree"
run "tree with context"  "$work/context"
