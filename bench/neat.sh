#!/usr/bin/env bash
# meshdump neat throughput, memory and start-up.
#   bench/neat.sh            (OBJECTS=5000 by default; COMPACT=1 for one 100 MB line: OBJECTS=42000 COMPACT=1)
# Neats a `kubectl get -o json`-style List of realistic Istio objects (managedFields,
# last-applied annotation, status) to YAML and to JSON, and times one small object end to end.
source "$(dirname "$0")/lib.sh"
OBJECTS="${OBJECTS:-5000}"
build_release
python3 "$ROOT/bench/istio_objects.py" --objects "$OBJECTS" --out "$WORK/list.json" ${COMPACT:+--compact}
BYTES=$(stat -c %s "$WORK/list.json")
MB=$(echo "$BYTES" | awk '{printf "%.1f", $1/1048576}')
echo "input: $OBJECTS objects, $MB MB of JSON"

for format in yaml json; do
    "$MESHDUMP" neat -f "$WORK/list.json" -o "$format" > /dev/null   # warm the page cache
    measure "neat -o $format" "$MESHDUMP" neat -f "$WORK/list.json" -o "$format" > "$WORK/out.$format"
    awk -v b="$BYTES" -v n="$OBJECTS" -v t="$SECONDS_ELAPSED" -v c="$CPU_SECONDS" -v r="$RSS_KB" -v f="$format" 'BEGIN {
        printf "neat -o %s: %.0f MB/s, %.0f objects/s (cpu %.2fs), peak RSS %.0f MB = %.2fx input\n",
            f, b/1048576/t, n/t, c, r/1024, r*1024/b }'
done

cat > "$WORK/small.yaml" <<'YAML'
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: default
  resourceVersion: "1"
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
YAML
python3 - "$MESHDUMP" "$WORK/small.yaml" <<'PY'
import subprocess, sys, time
binary, small = sys.argv[1], sys.argv[2]
def per_run(cmd, n=300):
    for _ in range(20): subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    t = time.perf_counter()
    for _ in range(n): subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) / n * 1000
neat, true = per_run([binary, "neat", "-f", small]), per_run(["/bin/true"])
print(f"one small object, whole process: {neat:.2f} ms ({true:.2f} ms of it is spawning any process, as /bin/true takes)")
PY
