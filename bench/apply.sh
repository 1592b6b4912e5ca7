#!/usr/bin/env bash
# meshdump apply against `kubectl apply --server-side -R -f`, on the same tree and server.
#   bench/apply.sh                 (SIZES="10x11x10 50x11x20": 1,100 and 11,000 objects)
# Each size: a tree exported from a generated mesh, then, each against a fresh fixture API server
# (release build) that holds the tree's namespaces and nothing else:
#   kubectl apply --server-side -R -f TREE        (one PATCH per object, one at a time)
#   meshdump apply TREE                           (list, dry run of every object, then apply: 2 PATCHes per object)
#   meshdump apply TREE --prune --applyset mesh --create-namespaces   (the ApplySet parent in a new istio-system, labels, prune)
#   the same again: every object unchanged, nothing written
# Wall time, CPU and peak RSS of the client process, from /usr/bin/time. Trees go to tmpfs.
export BENCH_WORK="${BENCH_WORK:-$([ -d /dev/shm ] && echo /dev/shm/meshdump-bench || echo /tmp/meshdump-bench)}"
source "$(dirname "$0")/lib.sh"
SIZES="${SIZES:-10x11x10 50x11x20}"
build_release
command -v kubectl >/dev/null || { echo "kubectl is not installed" >&2; exit 1; }
objects() { echo "$1" | awk -Fx '{print $1 * $2 * $3}'; }

# empty_server SHAPE: a fresh server holding only the namespaces of the tree of SHAPE, and
# KUBECTL: kubectl with a home of its own for it, its discovery cache warmed by one call, as on
# a workstation.
KHOME="$WORK/kubectl-home"
empty_server() {
    start_fixture_server 0x0x0 --fixtures "$WORK/namespaces-$1.yaml"
    rm -rf "$KHOME" && mkdir -p "$KHOME"
    KUBECTL=(env HOME="$KHOME" kubectl --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$KHOME/cache")
    "${KUBECTL[@]}" get namespaces >/dev/null
}

printf '%-9s %-44s %9s %9s %9s\n' objects run wall cpu "peak RSS"
row() { printf '%-9s %-44s %8.2fs %8.2fs %6d MB\n' "$1" "$2" "$SECONDS_ELAPSED" "$CPU_SECONDS" $((RSS_KB / 1024)); }

for shape in $SIZES; do
    n=$(objects "$shape")
    tree="$WORK/apply-tree-$shape"
    start_fixture_server "$shape"
    rm -rf "$tree"
    "$MESHDUMP" export --kubeconfig "$KUBECONFIG_FILE" -d "$tree" 2>/dev/null
    kubectl --kubeconfig "$KUBECONFIG_FILE" get namespaces -o yaml > "$WORK/namespaces-$shape.yaml"
    stop_fixture_server

    empty_server "$shape"
    measure "kubectl $n" "${KUBECTL[@]}" apply --server-side -R -f "$tree" >/dev/null 2>"$WORK/err.txt"
    KUBECTL_SECONDS=$SECONDS_ELAPSED
    row "$n" "kubectl apply --server-side -R -f"
    stop_fixture_server

    empty_server "$shape"
    measure "meshdump $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" >/dev/null 2>"$WORK/err.txt"
    MESHDUMP_SECONDS=$SECONDS_ELAPSED
    row "$n" "meshdump apply (dry run included)"
    stop_fixture_server

    empty_server "$shape"
    measure "meshdump prune $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" --prune --applyset mesh --create-namespaces >/dev/null 2>"$WORK/err.txt"
    row "$n" "meshdump apply --prune --applyset mesh"
    measure "meshdump again $n" "$MESHDUMP" apply "$tree" --kubeconfig "$KUBECONFIG_FILE" --prune --applyset mesh --create-namespaces >"$WORK/again.txt" 2>"$WORK/err.txt"
    row "$n" "  the same again ($(tail -n 1 "$WORK/again.txt" | cut -d, -f3 | xargs))"
    stop_fixture_server
    awk -v k="$KUBECTL_SECONDS" -v m="$MESHDUMP_SECONDS" -v n="$n" 'BEGIN { printf "%s objects: meshdump apply is %.1fx faster than kubectl apply --server-side\n", n, k / m }'
done
