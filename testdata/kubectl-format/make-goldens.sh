#!/usr/bin/env bash
# Makes the goldens with the real kubectl: each case printed as `kubectl get -o yaml` and
# `-o json` would print it. `kubectl label --local` reads the object, applies no change (it
# removes a label that is not there) and prints it with kubectl's own printers, no cluster needed.
# Each case is printed three times: kubectl must agree with itself for a golden to mean anything.
set -euo pipefail
cd "$(dirname "$0")"
rm -f cases/*.yaml cases/*.kubectl.json
for f in cases/*.json; do
    name=$(basename "$f" .json)
    for format in yaml json; do
        out="cases/$name.$format"
        [ "$format" = json ] && out="cases/$name.kubectl.json"
        kubectl label --local -f "$f" absent-label- -o "$format" > "$out"
        for _ in 1 2; do
            kubectl label --local -f "$f" absent-label- -o "$format" | cmp -s - "$out" \
                || { echo "kubectl prints $f differently from run to run" >&2; exit 1; }
        done
    done
done
kubectl version --client 2>/dev/null | head -1 > kubectl-version.txt
