#!/usr/bin/env bash
# The export procedure the TCM migration guide publishes (kubedump.sh), restated for the
# benchmark: one `kubectl get` per namespace and kind to list names, then one per object piped
# through `kubectl neat`, into data/<namespace>/<resource>/<name>.yaml. Same calls, same order,
# same tools (kubectl, jq, sed, a neat plugin); written here so the repository reads nothing
# outside itself. `set -x` traces each kubectl call for bench/export.sh to count.
set -ex

DATA_DIR="data"
mkdir -p "${DATA_DIR}"

NAMESPACES=$(kubectl get -o json namespaces | jq '.items[].metadata.name' | sed 's/"//g')
RESOURCES="virtualservices gateways envoyfilters destinationrules sidecars peerauthentications authorizationpolicies requestauthentications telemetries proxyconfigs serviceentries"

for ns in ${NAMESPACES}; do
	for resource in ${RESOURCES}; do
		names=$(kubectl -n "${ns}" get -o json "${resource}" | jq '.items[].metadata.name' | sed 's/"//g')
		for name in ${names}; do
			dir="${DATA_DIR}/${ns}/${resource}"
			mkdir -p "${dir}"
			kubectl -n "${ns}" get -o yaml "${resource}" "${name}" | kubectl neat >"${dir}/${name}.yaml"
		done
	done
done
