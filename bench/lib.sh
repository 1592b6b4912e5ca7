# Shared helpers for the bench scripts (source it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/meshdump-bench}"
mkdir -p "$WORK"

# Builds the release binary the way it ships (Swift runtime linked in statically).
# --static-swift-stdlib is on every compile command, so every release build here passes it:
# one build without it would recompile every module and dependency (about an hour on 2 cores).
build_release() {
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product meshdump >&2)
    MESHDUMP="$ROOT/.build/release/meshdump"
}

# measure LABEL CMD...: runs CMD under /usr/bin/time -v and sets SECONDS_ELAPSED, CPU_SECONDS, RSS_KB.
measure() {
    local label="$1"; shift
    /usr/bin/time -v -o "$WORK/time.txt" "$@"
    SECONDS_ELAPSED=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
    CPU_SECONDS=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$WORK/time.txt")
    RSS_KB=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time.txt")
    echo "$label: ${SECONDS_ELAPSED}s wall, ${CPU_SECONDS}s cpu, peak RSS $((RSS_KB / 1024)) MB" >&2
}

# start_fixture_server SHAPE [ARGS...]: starts the release fixture-apiserver generating SHAPE
# (NAMESPACESxKINDSxOBJECTS), with ARGS (--fixtures FILE), and sets KUBECONFIG_FILE and
# SERVER_PID; stopped on exit.
start_fixture_server() {
    if [ -z "${FIXTURE_APISERVER:-}" ]; then
        (cd "$ROOT" && swift build -c release --static-swift-stdlib --product fixture-apiserver >&2)
        FIXTURE_APISERVER="$ROOT/.build/release/fixture-apiserver"
    fi
    KUBECONFIG_FILE="$WORK/kubeconfig-$1"
    rm -f "$WORK/url-$1"
    "$FIXTURE_APISERVER" --generate "$1" "${@:2}" --write-kubeconfig "$KUBECONFIG_FILE" >"$WORK/url-$1" 2>"$WORK/server-$1.log" &
    SERVER_PID=$!
    trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
    for _ in $(seq 3000); do [ -s "$WORK/url-$1" ] && return 0; sleep 0.1; done
    echo "fixture-apiserver did not start" >&2; cat "$WORK/server-$1.log" >&2; exit 1
}

stop_fixture_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}
