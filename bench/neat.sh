#!/usr/bin/env bash
# meshdump neat throughput, memory and start-up.
#   bench/neat.sh            (OBJECTS=5000 by default; COMPACT=1 for one 100 MB line of JSON: OBJECTS=42000 COMPACT=1)
#   MESHDUMP=/path/to/meshdump bench/neat.sh   measures that binary instead of building this tree
# Neats a `kubectl get -o json`-style List of realistic Istio objects (managedFields,
# last-applied annotation, status), and the same List as `kubectl get -o yaml` prints it, to YAML
# and to JSON, and times one small object end to end.
source "$(dirname "$0")/lib.sh"
OBJECTS="${OBJECTS:-5000}"
if [ -z "${MESHDUMP:-}" ]; then build_release; fi
python3 "$ROOT/bench/istio_objects.py" --objects "$OBJECTS" --out "$WORK/list.json" ${COMPACT:+--compact}
python3 "$ROOT/bench/istio_objects.py" --objects "$OBJECTS" --out "$WORK/list.yaml" --yaml

for input in json yaml; do
    BYTES=$(stat -c %s "$WORK/list.$input")
    echo "input: $OBJECTS objects, $(echo "$BYTES" | awk '{printf "%.1f", $1/1048576}') MB of $input"
    for format in yaml json; do
        "$MESHDUMP" neat -f "$WORK/list.$input" -o "$format" > /dev/null   # warm the page cache
        measure "neat $input -o $format" "$MESHDUMP" neat -f "$WORK/list.$input" -o "$format" > "$WORK/out.$format"
        awk -v b="$BYTES" -v n="$OBJECTS" -v t="$SECONDS_ELAPSED" -v c="$CPU_SECONDS" -v r="$RSS_KB" -v i="$input" -v f="$format" 'BEGIN {
            printf "neat %s -o %s: %.0f MB/s, %.0f objects/s (cpu %.2fs: %.0f MB/s), peak RSS %.0f MB = %.2fx input\n",
                i, f, b/1048576/t, n/t, c, b/1048576/c, r/1024, r*1024/b }'
    done
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
