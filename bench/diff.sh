#!/usr/bin/env bash
# Benchmark of `meshdump diff` (issue 6): two 11,000-object trees with 1% of the objects changed
# (target: whole diff under 2 s), and two identical trees (target: under 1 s), with peak RSS.
#
# usage: bench/diff.sh [WORKDIR]   (default: a fresh directory under /tmp, removed afterwards)
# Environment: RUNS (default 5) timed runs per case after one warm-up; NAMESPACES, PER_KIND;
# MESHDUMP_BIN times another meshdump binary (an older build, to compare) instead of this tree's.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS=${RUNS:-5}
NAMESPACES=${NAMESPACES:-50}
PER_KIND=${PER_KIND:-20}
work=${1:-}
if [[ -z "$work" ]]; then
  work=$(mktemp -d /tmp/meshdump-diff-bench.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi

if [[ -n "${MESHDUMP_BIN:-}" ]]; then
  bin=$MESHDUMP_BIN
else
  build_release 2>/dev/null
  bin=$MESHDUMP
fi

python3 bench/diff-gen.py "$work" --namespaces "$NAMESPACES" --per-kind "$PER_KIND" --changed-percent 1
cp -r "$work/old" "$work/old-copy"

# run CASE EXPECTED_EXIT ARGS...: one warm-up, then RUNS timed runs; prints each and the median.
run() {
  local name=$1 expected=$2
  shift 2
  "$bin" "$@" >/dev/null || true
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    local status=0
    /usr/bin/time -v -o "$work/time.txt" "$bin" "$@" >"$work/out.txt" || status=$?
    if [[ $status -ne $expected ]]; then
      echo "$name: exit $status, expected $expected" >&2
      exit 1
    fi
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, t, ":"); print t[1] * 60 + t[2] }' "$work/time.txt")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")")
  done
  local median_time median_rss
  median_time=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%-24s runs: %s s   median %s s, peak RSS %d MB   (%d bytes of output; %s)\n' "$name" "${times[*]}" "$median_time" \
    $((median_rss / 1024)) "$(wc -c <"$work/out.txt")" "$("$bin" diff -o stat "${@: -2}" | tail -n 1)"
}

objects=$(find "$work/old" -name '*.yaml' | wc -l)
echo "meshdump diff, $objects objects per tree, $(nproc) cores, release build (static Swift runtime)"
run "1% changed, text"      1 diff "$work/old" "$work/new"
run "1% changed, unified"   1 diff -o unified "$work/old" "$work/new"
run "1% changed, json"      1 diff -o json "$work/old" "$work/new"
run "identical trees"       0 diff "$work/old" "$work/old-copy"
