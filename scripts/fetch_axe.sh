#!/usr/bin/env bash
# axe-core's axe.min.js for the accessibility checks of the browser tests
# (tests/e2e/test_team_pagina.py), fetched at test time. Prints the path of the file.
# Updating: change the version, run `npm pack axe-core@VERSION`, and put the sha256sum of
# package/axe.min.js below.
set -euo pipefail
dir="$("$(dirname "$0")/fetch_npm_files.sh" axe-core 4.13.0 \
  axe.min.js=c24f097bd2f451d4f933e8bc7d8d539f8672a2ebcb5cc9f9f3eec8ca9470a0c1)"
echo "$dir/axe.min.js"
