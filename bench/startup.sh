#!/usr/bin/env bash
# Start-up of the release binary: `meshdump --help` and `meshdump export --help`, whole process,
# averaged over 300 runs after 20 warm-up runs, as wall time and as CPU time (which a busy
# machine does not inflate). MeshDumpKube links FoundationEssentials only (not
# Foundation, not ICU), which keeps this in the low milliseconds; the script prints the libraries
# the binary loads so a regression is visible.
# MESHDUMP=path/to/meshdump skips the build (to compare another build).
source "$(dirname "$0")/lib.sh"
if [ -z "${MESHDUMP:-}" ]; then build_release; fi
echo "binary: $MESHDUMP" >&2
ldd "$MESHDUMP" | awk '/Foundation|icu/ {print "links: " $1}' >&2
python3 - "$MESHDUMP" <<'PY'
import resource, subprocess, sys, time
binary = sys.argv[1]
def per_run(cmd, n=300):
    """Wall and CPU (user + system, which a busy machine does not inflate) per run, in ms."""
    for _ in range(20): subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    for _ in range(n): subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    wall = (time.perf_counter() - t) / n * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / n * 1000
    return wall, cpu
true = per_run(["/bin/true"])
print(f"/bin/true: {true[0]:.2f} ms wall, {true[1]:.2f} ms CPU (spawning any process)")
for args in (["--help"], ["export", "--help"]):
    wall, cpu = per_run([binary] + args)
    print(f"meshdump {' '.join(args)}: {wall:.2f} ms wall, {cpu:.2f} ms CPU per run")
PY
