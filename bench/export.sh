#!/usr/bin/env bash
# meshdump export against kubedump.sh, and export's memory and CPU per object at scale.
#   bench/export.sh                 (SMALL=5x11x2 LARGE=50x11x20 HUGE=100x11x91)
# Both run against the same fixture API server on loopback: the published kubedump.sh procedure
# (bench/kubedump-loop.sh: the same kubectl calls) with the real kubectl, a `kubectl-neat` plugin that is `cat`
# standing in for neat; meshdump export with its defaults. On the large set kubedump.sh runs
# on a sample of namespaces and its time is extrapolated per kubectl call.
#
# Trees are written to tmpfs (/dev/shm) by default: this machine's ext4 takes about 350 us to
# create a file (Python's os.open does no better), which would measure the disk, not the tools.
# BENCH_WORK=DIR writes elsewhere; the disk figure is printed too.
export BENCH_WORK="${BENCH_WORK:-$([ -d /dev/shm ] && echo /dev/shm/meshdump-bench || echo /tmp/meshdump-bench)}"
source "$(dirname "$0")/lib.sh"
SMALL="${SMALL:-5x11x2}"; LARGE="${LARGE:-50x11x20}"; HUGE="${HUGE:-100x11x91}"
SEED="${SEED:-$ROOT/bench/kubedump-loop.sh}"
build_release

# kubectl finds plugins on PATH: this one is the `cat` that stands in for kubectl-neat.
mkdir -p "$WORK/plugins"
printf '#!/bin/sh\nexec cat\n' > "$WORK/plugins/kubectl-neat"
chmod +x "$WORK/plugins/kubectl-neat"

# run_kubedump: runs the seed script in a fresh folder; sets KUBEDUMP_SECONDS and KUBEDUMP_CALLS.
run_kubedump() {
    rm -rf "$WORK/kubedump" && mkdir -p "$WORK/kubedump"
    local start end
    start=$(date +%s.%N)
    (cd "$WORK/kubedump" && PATH="$WORK/plugins:$PATH" KUBECONFIG="$KUBECONFIG_FILE" bash "$SEED" 2>"$WORK/kubedump.trace" >/dev/null)
    end=$(date +%s.%N)
    KUBEDUMP_SECONDS=$(echo "$start $end" | awk '{printf "%.2f", $2 - $1}')
    KUBEDUMP_CALLS=$(grep -c '^+* *kubectl' "$WORK/kubedump.trace")
    KUBEDUMP_FILES=$(find "$WORK/kubedump/data" -type f | wc -l)
}

run_export() {
    rm -rf "$WORK/export"
    measure "meshdump export $1" "$MESHDUMP" export --kubeconfig "$KUBECONFIG_FILE" -d "$WORK/export" 2>/dev/null
    EXPORT_FILES=$(find "$WORK/export" -type f -name '*.yaml' | wc -l)
}

objects() { echo "$1" | awk -Fx '{print $1 * $2 * $3}'; }

echo "== small: $SMALL ($(objects "$SMALL") objects)"
start_fixture_server "$SMALL"
run_kubedump
run_export "$SMALL"
# /usr/bin/time counts in hundredths of a second: time ten runs of the small export instead.
start=$(date +%s.%N)
for _ in 1 2 3 4 5 6 7 8 9 10; do rm -rf "$WORK/export"; "$MESHDUMP" export --kubeconfig "$KUBECONFIG_FILE" -d "$WORK/export" 2>/dev/null; done
SECONDS_ELAPSED=$(echo "$start $(date +%s.%N)" | awk '{printf "%.4f", ($2 - $1) / 10}')
echo "kubedump.sh: ${KUBEDUMP_SECONDS}s, $KUBEDUMP_CALLS kubectl calls, $KUBEDUMP_FILES files"
echo "meshdump export: ${SECONDS_ELAPSED}s (mean of 10 runs, whole process), $EXPORT_FILES files"
awk -v a="$KUBEDUMP_SECONDS" -v b="$SECONDS_ELAPSED" 'BEGIN { printf "speed-up on the small set: %.0fx\n", a / b }'
PER_CALL=$(awk -v t="$KUBEDUMP_SECONDS" -v c="$KUBEDUMP_CALLS" 'BEGIN { printf "%.4f", t / c }')
echo "kubedump.sh: ${PER_CALL}s per kubectl call"
stop_fixture_server

echo "== large: $LARGE ($(objects "$LARGE") objects)"
start_fixture_server "$LARGE"
run_export "$LARGE"; run_export "$LARGE"
LARGE_EXPORT=$SECONDS_ELAPSED
# kubedump.sh makes one call for the namespaces, one list per namespace and kind, and one get
# per object; the fixture server also serves a few namespaces of its own (kube-system, …).
NAMESPACES=$(kubectl --kubeconfig "$KUBECONFIG_FILE" get namespaces -o name | wc -l)
CALLS=$(awk -v n="$NAMESPACES" -v o="$(objects "$LARGE")" 'BEGIN { print 1 + n * 11 + o }')
ESTIMATE=$(awk -v c="$CALLS" -v p="$PER_CALL" 'BEGIN { printf "%.0f", c * p }')
echo "kubedump.sh (extrapolated): $CALLS calls x ${PER_CALL}s = ${ESTIMATE}s"
echo "meshdump export: ${LARGE_EXPORT}s, $EXPORT_FILES files, peak RSS $((RSS_KB / 1024)) MB"
awk -v a="$ESTIMATE" -v b="$LARGE_EXPORT" 'BEGIN { printf "speed-up on the large set: %.0fx\n", a / b }'
stop_fixture_server

echo "== huge: $HUGE ($(objects "$HUGE") objects)"
start_fixture_server "$HUGE"
run_export "$HUGE"
awk -v c="$CPU_SECONDS" -v n="$(objects "$HUGE")" -v r="$RSS_KB" -v t="$SECONDS_ELAPSED" 'BEGIN {
    printf "meshdump export of %d objects: %.1fs wall, client CPU %.1f us/object, peak RSS %.0f MB\n", n, t, c / n * 1e6, r / 1024 }'
rm -rf "$WORK/export"
DISK="$ROOT/.build/bench-disk-export"
rm -rf "$DISK"
measure "meshdump export $HUGE to disk" "$MESHDUMP" export --kubeconfig "$KUBECONFIG_FILE" -d "$DISK" 2>/dev/null
echo "the same to disk ($DISK): ${SECONDS_ELAPSED}s wall, ${CPU_SECONDS}s cpu"
rm -rf "$DISK"
stop_fixture_server
