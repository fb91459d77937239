#!/usr/bin/env bash
# Runs CMD... against a throw-away PostgreSQL server, then stops and removes it:
#   bash Tools/pg/with-server.sh swift test --filter JournalRemoteTests
# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for CMD. Uses pg_virtualenv (postgresql-common) when
# present, else initdb/pg_ctl as the postgres user in a temporary folder; installs Debian's postgresql with apt-get
# when neither is there. Exits non-zero (never skips) when the server cannot start.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: bash Tools/pg/with-server.sh CMD..." >&2; exit 64; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if ! command -v pg_virtualenv >/dev/null 2>&1 && [ -z "$(bindir)" ]; then
    echo "with-server.sh: installing postgresql (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi

if command -v pg_virtualenv >/dev/null 2>&1; then
    # -t: a cluster in a temporary folder even as root, so runs side by side never meet; it and its password are
    # made for this run only, and dropped when CMD ends.
    exec pg_virtualenv -t "$@"
fi

bin=$(bindir)
[ -n "$bin" ] || { echo "with-server.sh: no PostgreSQL server found after installing postgresql" >&2; exit 69; }
dir=$(mktemp -d /tmp/journal-pg.XXXXXX)
chown postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$password" > "$dir/pw"; chown postgres "$dir/pw" 2>/dev/null || true
as_pg "$bin/initdb" -D "$dir/data" --auth=scram-sha-256 --username=postgres --pwfile="$dir/pw" >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" -w start >/dev/null
stop() { as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=$password PGDATABASE=postgres
"$@"
