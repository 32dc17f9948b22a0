#!/usr/bin/env bash
# Installs the Debian packages Pregón needs, when they are missing.
#   scripts/system-deps.sh run    what `make run` needs: gettext (compilemessages builds the .mo catalogues),
#                                 Hunspell's Spanish dictionaries (the checker's spelling rule: es_MX, and es_CO for
#                                 Pasto, both from hunspell-es) and libhunspell's
#                                 headers (the Python binding compiles against them when pip installs Pregón)
#   scripts/system-deps.sh [test] the same, plus Chromium (browser tests), PostgreSQL (second test pass) and
#                                 Redis (the task queue's production backend, started by its test on a socket)
set -euo pipefail
what=${1:-test}
need=()
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
# Every Spanish dictionary a preset names (spelling_dictionary: es_MX, es_CO…) comes from hunspell-es.
dicts=$(sed -n 's/^spelling_dictionary = "\(es_[A-Z]*\)".*/\1/p' "$(dirname "$0")/../pregon/policy/presets/"*.toml | sort -u)
for d in es_MX $dicts; do
  if [ ! -e "/usr/share/hunspell/$d.dic" ]; then need+=(hunspell-es); break; fi
done
[ -e /usr/include/hunspell/hunspell.h ] || need+=(libhunspell-dev)
if [ "$what" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fi
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
