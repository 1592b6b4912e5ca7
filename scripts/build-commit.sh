#!/bin/sh
# build-commit.sh PACKAGE_DIR OUTPUT_DIR: writes OUTPUT_DIR/BuildCommit.swift with the commit of the
# git checkout PACKAGE_DIR is the top of (`git rev-parse --short HEAD`), or "unknown" when it is
# not the top of one or git is missing. Run before every build by Plugins/GitCommit, for
# `meshdump --version`; the file is rewritten only when the commit changes, so an unchanged
# checkout compiles nothing again.
set -eu
package=$1 output=$2
commit=unknown
top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ]; then
    commit=$(git -C "$package" rev-parse --short HEAD 2>/dev/null || echo unknown)
fi
mkdir -p "$output"
printf '%s\n' '// Written before each build by scripts/build-commit.sh; not in git.' \
    '/// The git commit this binary was built from, or "unknown".' \
    "enum BuildCommit { static let id = \"$commit\" }" > "$output.new"
if cmp -s "$output.new" "$output/BuildCommit.swift"; then
    rm "$output.new"
else
    mv "$output.new" "$output/BuildCommit.swift"
fi
