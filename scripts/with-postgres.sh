#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster listening on a Unix socket only.
# The cluster lives in a temporary directory and is stopped and removed on exit.
set -euo pipefail
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
work=$(mktemp -d /tmp/pregon-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = "0" ]; then
  chown postgres: "$work"
  run_as=(runuser -u postgres --)
fi
cleanup() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${run_as[@]}" "$bindir/initdb" -D "$work/data" -U pregon --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run_as[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$work' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export DATABASE_URL="postgres://pregon@/pregon?host=$work"
echo "PostgreSQL pass: $("$bindir/postgres" --version)"
"$@"
