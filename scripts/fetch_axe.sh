#!/usr/bin/env bash
# Fetch axe-core's axe.min.js for the accessibility checks of the browser tests
# (tests/e2e/test_team_pagina.py). It is not kept in the repository: it comes from the npm
# registry with `npm pack`, at a pinned version, and is checked against a pinned SHA-256.
# Prints the path of the file. Runs again cheaply: a file that is already there and matches
# the checksum is used as it is.
#
# Usage: scripts/fetch_axe.sh            (into ${CACHE_DIR:-.cache}/axe/)
# Updating axe-core: change AXE_VERSION, run `npm pack axe-core@VERSION`, take the sha256sum
# of package/axe.min.js from the tarball, and put it in AXE_SHA256.
set -euo pipefail

AXE_VERSION=4.13.0
AXE_SHA256=c24f097bd2f451d4f933e8bc7d8d539f8672a2ebcb5cc9f9f3eec8ca9470a0c1

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${CACHE_DIR:-$root/.cache}/axe/axe-core-$AXE_VERSION"
target="$dir/axe.min.js"

matches() { [ -f "$1" ] && echo "$AXE_SHA256  $1" | sha256sum --check --status; }

if matches "$target"; then
  echo "$target"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_axe.sh: npm is not installed, so axe-core $AXE_VERSION cannot be fetched." \
       "Install Node.js and npm (Debian: apt-get install -y npm)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# npm checks the tarball against the registry's integrity hash; we check the file we use.
if ! (cd "$work" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null 2>"$work/npm.log"); then
  echo "fetch_axe.sh: 'npm pack axe-core@$AXE_VERSION' failed:" >&2
  cat "$work/npm.log" >&2
  exit 1
fi
tar -xzf "$work/axe-core-$AXE_VERSION.tgz" -C "$work" package/axe.min.js
if ! matches "$work/package/axe.min.js"; then
  echo "fetch_axe.sh: axe.min.js of axe-core $AXE_VERSION does not have the expected SHA-256" \
       "($AXE_SHA256); not using it." >&2
  exit 1
fi
mkdir -p "$dir"
mv "$work/package/axe.min.js" "$target.tmp.$$"
mv "$target.tmp.$$" "$target"
echo "$target"
