# Shared helpers for the bench scripts (source it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/meshdump-bench}"
mkdir -p "$WORK"

# Builds the release binary the way it ships (Swift runtime linked in statically).
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
