#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: a browser, the compose
# validator, a PostgreSQL server (the sociale kaart tests start a throw-away one, see
# tests/postgres_server.py), hunspell (the spelling check of the Frisian bot texts, see
# tests/bot/test_texts_fy.py), and Redis and nginx (two Rasa instances behind nginx, see
# tests/e2e/test_schaal.py and docs/scaling.md). As root this uses apt-get; otherwise it says what to install.
set -euo pipefail

# The server binaries live outside PATH on Debian, so look for them where the package puts them.
postgres_server_installed() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null &&
    compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v docker-compose >/dev/null 2>&1 || needed+=(docker-compose)
postgres_server_installed || needed+=(postgresql)
command -v hunspell >/dev/null 2>&1 || needed+=(hunspell)
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
# Debian puts nginx in /usr/sbin, which is not on every user's PATH.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || needed+=(nginx-light)
[ ${#needed[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${needed[*]}. Install them with: sudo apt-get install -y ${needed[*]}" >&2
  exit 1
fi
echo "==> Installing system packages: ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${needed[@]}"
