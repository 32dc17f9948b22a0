#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing.
# Chromium drives the browser tests, PostgreSQL serves the second test pass,
# Hunspell with its Spanish dictionaries serves the spelling rule of the checker.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -e /usr/share/hunspell/es_MX.dic ] || need+=(hunspell-es)
[ -e /usr/include/hunspell/hunspell.h ] || need+=(libhunspell-dev)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Missing Debian packages: ${need[*]}" >&2
  echo "Install them as root: apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
