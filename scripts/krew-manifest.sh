#!/usr/bin/env bash
# Writes the krew plugin manifest of one release archive to standard output:
#   scripts/krew-manifest.sh dist/meshdump-0.1.0-linux-x86_64.tar.gz [URI]
# from the template plugins/meshdump.yaml: the version and machine from the archive's name, its
# SHA-256, and URI (default: the archive's file:// path, for
# `kubectl krew install --manifest=dist/meshdump.yaml --archive=dist/meshdump-….tar.gz`; give the
# download URL the archive is published at for an index).
set -euo pipefail
cd "$(dirname "$0")/.."

archive=${1:?usage: scripts/krew-manifest.sh ARCHIVE [URI]}
name=$(basename "$archive" .tar.gz)
if [[ ! $name =~ ^meshdump-([0-9]+\.[0-9]+\.[0-9]+)-linux-([A-Za-z0-9_]+)$ ]]; then
    echo "krew-manifest.sh: $archive is not named meshdump-VERSION-linux-MACHINE.tar.gz" >&2
    exit 1
fi
version=${BASH_REMATCH[1]}
machine=${BASH_REMATCH[2]}
case $machine in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "krew-manifest.sh: no krew architecture for $machine" >&2; exit 1 ;;
esac
sha=$(sha256sum "$archive" | cut -d' ' -f1)
uri=${2:-file://$(cd "$(dirname "$archive")" && pwd)/$name.tar.gz}
# Only the manifest proper: the template's leading comment is about the template.
sed -e '/^#/d' -e "s|@VERSION@|$version|g" -e "s|@MACHINE@|$machine|g" -e "s|@ARCH@|$arch|g" \
    -e "s|@SHA256@|$sha|g" -e "s|@URI@|$uri|g" plugins/meshdump.yaml
