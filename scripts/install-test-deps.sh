#!/usr/bin/env bash
# Installs the real servers the tests run against: redis-server (Debian package) and Azurite
# (npm, pinned in package-lock.json), plus the TypeScript checker for the k6 scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
  # The package starts a system instance on 6379; tests start their own on free ports.
  as_root systemctl stop redis-server >/dev/null 2>&1 || true
fi

if [ ! -x node_modules/.bin/azurite-table ] || [ ! -x node_modules/.bin/tsc ]; then
  echo "Installing Azurite and TypeScript (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
