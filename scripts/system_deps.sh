#!/usr/bin/env bash
# Install the Debian packages the tests need (a browser and the compose validator) when they
# are missing. As root this uses apt-get; otherwise it says what to install.
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v docker-compose >/dev/null 2>&1 || needed+=(docker-compose)
[ ${#needed[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${needed[*]}. Install them with: sudo apt-get install -y ${needed[*]}" >&2
  exit 1
fi
echo "==> Installing system packages: ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${needed[@]}"
