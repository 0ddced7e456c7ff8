#!/usr/bin/env bash
# Installs the real peers the tests talk to, when they are missing:
#   logger (util-linux, package bsdutils)  sends RFC 3164 syslog
#   chromium                               drives the web page
# Runs before `npm test`. Needs root (apt-get) only when something is missing.
set -euo pipefail

need=()
command -v logger >/dev/null 2>&1 || need+=(bsdutils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "test setup: missing ${need[*]}; install them with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi

echo "test setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
