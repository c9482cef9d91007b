#!/usr/bin/env bash
# Create one Python environment from a lock file. The environment's folder name carries the
# lock file's hash, so it is only rebuilt when the lock changes; the .ready mark is written
# last, so an interrupted install is started again instead of half-used.
# Usage: scripts/make_venv.sh PYTHON VENV_DIR LOCK_FILE "what it is for"
set -euo pipefail
python=$1 venv=$2 lock=$3 label=$4

if [ -z "$python" ] || ! "$python" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  echo "Python 3.10 is needed. Install it with 'pyenv install 3.10.13' or your package manager (python3.10 and python3.10-venv), then run make again." >&2
  exit 1
fi

echo "==> Installing the $label environment (only needed once)..."
start=$(date +%s)
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
"$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar on -r "$lock"
touch "$venv/.ready"

# Environments of the same kind with another hash belong to older lock files.
base=$(basename "$venv"); kind=${base%-*}
for old in "$(dirname "$venv")/$kind"-*; do
  if [ "$old" != "$venv" ] && [ -d "$old" ]; then rm -rf "$old"; fi
done
echo "==> $label environment ready in $(( $(date +%s) - start )) s"
