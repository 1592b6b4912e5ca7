#!/usr/bin/env bash
# meshdump apply against `kubectl apply --server-side -R -f`, on the same tree and server.
#   bench/apply.sh        (SIZES="10x11x10 50x11x20": 1,100 and 11,000 objects; LATENCY=10ms;
#                          HUGE=100x11x91: 100,100 objects, meshdump alone, for its memory; HUGE= skips it)
# Each size: a tree exported from a generated mesh, then, each against a fresh fixture API server
# (release build) that holds the tree's namespaces and nothing else:
#   kubectl apply --server-side -R -f TREE        (one PATCH per object, one at a time)
#   meshdump apply TREE                           (list, dry run of every object, then apply: 2 PATCHes per object)
#   meshdump apply TREE --prune --applyset mesh --create-namespaces   (the ApplySet parent in a new istio-system, labels, prune)
#   the same again: every object unchanged, nothing written
# then kubectl and meshdump again with every PATCH answered LATENCY late (`--fault delay=`),
# as a real API server answers after etcd and Istio's validating webhook: meshdump at its
# default --concurrency 8, at 16 and at 32; and meshdump at 8 with only the real PATCHes late
# (`dry-run=false`: a dry run skips etcd), against the same kubectl figure (kubectl sends no
# dry run, so every PATCH of its is a real one). LATENCY=0 leaves these rows out.
# HUGE: the apply, then the same again (every object listed, found unchanged, nothing written).
# Wall time, CPU and peak RSS of the client process, from /usr/bin/time, and the server's CPU
# over the run (from /proc: on loopback both share this machine's cores). Trees go to tmpfs.
# Last run (2 cores, load average 1.0; README, Figures, has the table and what limits each):
#   loopback 2.8x / 2.6x faster than kubectl at 1,100 / 11,000 (CPU-bound, mostly the HTTP stack);
#   10ms per PATCH at --concurrency 8: 4.0x / 4.1x, against a bound of about 4.6x (two round
#   trips per object, 8 at a time, the dry run of all before any write; kubectl one at a time);
#   7.8x at 16, 14.6x at 32; only real PATCHes late: 7.1x / 6.6x at 8;
#   peak RSS 24 / 28 / 65 MB at 1,100 / 11,000 / 100,100 (71 MB applying the 100,100 again).
export BENCH_WORK="${BENCH_WORK:-$([ -d /dev/shm ] && echo /dev/shm/meshdump-bench || echo /tmp/meshdump-bench)}"
source "$(dirname "$0")/lib.sh"
SIZES="${SIZES:-10x11x10 50x11x20}"
LATENCY="${LATENCY:-10ms}"
HUGE="${HUGE-100x11x91}"
build_release
command -v kubectl >/dev/null || { echo "kubectl is not installed" >&2; exit 1; }
objects() { echo "$1" | awk -Fx '{print $1 * $2 * $3}'; }

# empty_server SHAPE [ARGS...]: a fresh server holding only the namespaces of the tree of
# SHAPE (and ARGS: faults), and KUBECTL: kubectl with a home of its own for it, its discovery
# cache warmed by one call, as on a workstation.
KHOME="$WORK/kubectl-home"
empty_server() {
    start_fixture_server 0x0x0 --fixtures "$WORK/namespaces-$1.yaml" "${@:2}"
    rm -rf "$KHOME" && mkdir -p "$KHOME"
    KUBECTL=(env HOME="$KHOME" kubectl --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$KHOME/cache")
    "${KUBECTL[@]}" get namespaces >/dev/null
}

# The server's CPU seconds so far (user + system).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }

# run LABEL CMD...: measures CMD, and the server's CPU meanwhile in SERVER_SECONDS.
run() {
    local before; before=$(server_cpu)
    measure "$@" >/dev/null 2>"$WORK/err.txt"
    SERVER_SECONDS=$(awk -v a="$before" -v b="$(server_cpu)" 'BEGIN { printf "%.2f", b - a }')
}

echo "meshdump apply vs kubectl apply --server-side, $(nproc) cores (load average $(cut -d" " -f1 /proc/loadavg)), release build"
printf '%-9s %-52s %9s %9s %9s %11s\n' objects run wall cpu "peak RSS" "server cpu"
row() { printf '%-9s %-52s %8.2fs %8.2fs %6d MB %10.2fs\n' "$1" "$2" "$SECONDS_ELAPSED" "$CPU_SECONDS" $((RSS_KB / 1024)) "$SERVER_SECONDS"; }
ratio() { awk -v k="$2" -v m="$3" -v n="$1" -v what="$4" 'BEGIN { printf "%s objects: meshdump apply is %.1fx faster than kubectl apply --server-side%s\n", n, k / m, what }'; }

# export_tree SHAPE: the tree of a generated mesh of SHAPE, and its namespaces.
export_tree() {
    start_fixture_server "$1"
    rm -rf "$WORK/apply-tree-$1"
    "$MESHDUMP" export --kubeconfig "$KUBECONFIG_FILE" -d "$WORK/apply-tree-$1" 2>/dev/null
    kubectl --kubeconfig "$KUBECONFIG_FILE" get namespaces -o yaml > "$WORK/namespaces-$1.yaml"
    stop_fixture_server
}

for shape in $SIZES; do
    n=$(objects "$shape")
    tree="$WORK/apply-tree-$shape"
    export_tree "$shape"

    empty_server "$shape"
    run "kubectl $n" "${KUBECTL[@]}" apply --server-side -R -f "$tree"
    KUBECTL_SECONDS=$SECONDS_ELAPSED
    row "$n" "kubectl apply --server-side -R -f"
    stop_fixture_server

    empty_server "$shape"
    run "meshdump $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE"
    MESHDUMP_SECONDS=$SECONDS_ELAPSED
    row "$n" "meshdump apply (dry run included)"
    stop_fixture_server

    empty_server "$shape"
    run "meshdump prune $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" --prune --applyset mesh --create-namespaces
    row "$n" "meshdump apply --prune --applyset mesh"
    before=$(server_cpu)
    measure "meshdump again $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" --prune --applyset mesh --create-namespaces >"$WORK/again.txt" 2>"$WORK/err.txt"
    SERVER_SECONDS=$(awk -v a="$before" -v b="$(server_cpu)" 'BEGIN { printf "%.2f", b - a }')
    row "$n" "  the same again ($(tail -n 1 "$WORK/again.txt" | cut -d, -f3 | xargs))"
    stop_fixture_server
    ratio "$n" "$KUBECTL_SECONDS" "$MESHDUMP_SECONDS" ""

    [ "$LATENCY" = 0 ] && continue
    slow=(--fault "delay=$LATENCY,method=PATCH")
    empty_server "$shape" "${slow[@]}"
    run "kubectl $n slow" "${KUBECTL[@]}" apply --server-side -R -f "$tree"
    KUBECTL_SECONDS=$SECONDS_ELAPSED
    row "$n" "kubectl apply --server-side, $LATENCY per PATCH"
    stop_fixture_server
    for concurrency in 8 16 32; do
        empty_server "$shape" "${slow[@]}"
        run "meshdump $n slow c$concurrency" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" --concurrency "$concurrency"
        row "$n" "meshdump apply --concurrency $concurrency, $LATENCY per PATCH"
        stop_fixture_server
        ratio "$n" "$KUBECTL_SECONDS" "$SECONDS_ELAPSED" " with $LATENCY per PATCH, --concurrency $concurrency"
    done
    empty_server "$shape" --fault "delay=$LATENCY,method=PATCH,dry-run=false"
    run "meshdump $n slow writes" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE"
    row "$n" "meshdump apply, $LATENCY per real PATCH, dry runs not"
    stop_fixture_server
    ratio "$n" "$KUBECTL_SECONDS" "$SECONDS_ELAPSED" " with $LATENCY per real PATCH (dry runs not delayed), --concurrency 8"
done

for shape in $HUGE; do
    n=$(objects "$shape")
    export_tree "$shape"
    empty_server "$shape"
    run "meshdump $n" "$MESHDUMP" apply "$WORK/apply-tree-$shape" --kubeconfig "$KUBECONFIG_FILE"
    row "$n" "meshdump apply (dry run included)"
    run "meshdump again $n" "$MESHDUMP" apply "$WORK/apply-tree-$shape" --kubeconfig "$KUBECONFIG_FILE"
    row "$n" "  the same again (every object unchanged)"
    stop_fixture_server
done
