#!/usr/bin/env bash
# Builds the release archive dist/meshdump-<version>-linux-<arch>.tar.gz and its .sha256.
#
# The binary carries the Swift runtime (--static-swift-stdlib) and libyaml (libyaml.a) inside and
# is stripped, so it runs on a Linux host without a Swift toolchain or libyaml. The archive holds
# one folder, laid out like a prefix (`tar -xzf … --strip-components=1 -C /usr/local` installs it):
#   bin/meshdump, LICENSE, README.md, share/man/man1/*.1,
#   share/bash-completion/completions/meshdump, share/zsh/site-functions/_meshdump,
#   share/fish/vendor_completions.d/meshdump.fish
#
# Beside the archive: its .sha256 and meshdump.yaml, the krew plugin manifest for it.
#
# Environment: DIST (default dist) is where the archive goes; SCRATCH (default .build-release) is
# the build folder, kept apart from .build so a release build and `swift test` do not fight;
# RELEASE_URL, the folder URL the archive will be published at, goes into the krew manifest.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${DIST:-dist}
scratch=${SCRATCH:-.build-release}
say() { echo "release.sh: $*" >&2; }

# libyaml statically: SwiftPM takes CYAML's linker flags from yaml-0.1.pc, so a copy of it whose
# libdir is a folder holding only libyaml.a, first on PKG_CONFIG_PATH, makes `-lyaml` find the
# archive instead of libyaml.so (compiler flags stay the same).
libdir=$(pkg-config --variable=libdir yaml-0.1)
[ -f "$libdir/libyaml.a" ] || { say "$libdir/libyaml.a is missing (apt-get install libyaml-dev)"; exit 1; }
static="$PWD/$scratch/static-libyaml"
mkdir -p "$static"
ln -sf "$libdir/libyaml.a" "$static/libyaml.a"
sed "s|^libdir=.*|libdir=$static|" "$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc" > "$static/yaml-0.1.pc"
export PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

say "building meshdump (release, static Swift runtime and libyaml)"
swift build -c release --product meshdump --scratch-path "$scratch" --static-swift-stdlib >&2
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/meshdump"

if ldd "$binary" | grep -Ei 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libyaml' >&2; then
    say "$binary still loads the libraries above"; exit 1
fi

version=$("$binary" --version | awk '{print $2}')
arch=$(uname -m)
name="meshdump-$version-linux-$arch"
stage="$scratch/stage/$name"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$binary" "$stage/bin/meshdump"
strip "$stage/bin/meshdump" 2>/dev/null || llvm-strip "$stage/bin/meshdump"
cp LICENSE README.md "$stage/"
# Man pages: swift-argument-parser's generate-manual tool run on the binary. Asking its plugin for
# --help builds just the tool; the plugin proper would build every product again without the
# flags above.
swift package --scratch-path "$scratch" plugin generate-manual --help >/dev/null
tool=$(find "$scratch" -path '*/debug/generate-manual-tool' -type f | head -n 1)
[ -n "$tool" ] || { say "swift-argument-parser's generate-manual tool was not built"; exit 1; }
"$tool" "$binary" --multi-page --date "$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" \
    --output-directory "$stage/share/man/man1" >&2
"$stage/bin/meshdump" --generate-completion-script bash > "$stage/share/bash-completion/completions/meshdump"
"$stage/bin/meshdump" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_meshdump"
"$stage/bin/meshdump" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/meshdump.fish"

# The same commit gives the same archive: fixed order, owner and times, no gzip timestamp.
mtime=$(git log -1 --format=%ct 2>/dev/null || echo 0)
mkdir -p "$dist"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$scratch/stage" -cf - "$name" \
    | gzip -9n > "$dist/$name.tar.gz"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
scripts/krew-manifest.sh "$dist/$name.tar.gz" ${RELEASE_URL:+"$RELEASE_URL/$name.tar.gz"} > "$dist/meshdump.yaml"
say "$dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1); meshdump $(du -h "$stage/bin/meshdump" | cut -f1) unpacked)"
echo "$dist/$name.tar.gz"
