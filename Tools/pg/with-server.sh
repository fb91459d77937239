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

# TLS for the sslmode tests: a certificate for localhost made for this run, its file exported as JOURNAL_TEST_PG_ROOT
# (a verify-full client trusts it through PGSSLROOTCERT; without it, verification must fail).
tls=$(mktemp -d /tmp/journal-pg-tls.XXXXXX)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tls/server.key" -out "$tls/server.crt" -days 2 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1
chmod 0755 "$tls"; chmod 0600 "$tls/server.key"; chown postgres "$tls/server.key" 2>/dev/null || true
export JOURNAL_TEST_PG_ROOT="$tls/server.crt"
ssl_options=(-c ssl=on -c "ssl_cert_file=$tls/server.crt" -c "ssl_key_file=$tls/server.key")

# JOURNAL_PG_NO_VIRTUALENV=1 takes the initdb/pg_ctl way even where pg_virtualenv is (to check that way).
if [ -z "${JOURNAL_PG_NO_VIRTUALENV:-}" ] && command -v pg_virtualenv >/dev/null 2>&1; then
    # -t: a cluster in a temporary folder even as root, so runs side by side never meet; it and its password are
    # made for this run only, and dropped when CMD ends.
    trap 'rm -rf "$tls"' EXIT
    # Its own free port: pg_createcluster only sees this run's clusters, and would take 5432 beside another run's.
    PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    export PGPORT
    # TLS is switched on once the cluster runs (ALTER SYSTEM, then a reload), before CMD starts.
    pg_virtualenv -t bash -c '
        set -e
        psql -q -c "ALTER SYSTEM SET ssl_cert_file = '"'"'$1'"'"'" -c "ALTER SYSTEM SET ssl_key_file = '"'"'$2'"'"'" \
             -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" >/dev/null
        for _ in $(seq 50); do [ "$(psql -Atc "SHOW ssl")" = on ] && break; sleep 0.1; done
        [ "$(psql -Atc "SHOW ssl")" = on ] || { echo "with-server.sh: the server did not switch TLS on" >&2; exit 69; }
        shift 2
        exec "$@"' _ "$tls/server.crt" "$tls/server.key" "$@"
    exit $?
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
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-c listen_addresses=127.0.0.1 -p $port -k $dir ${ssl_options[*]}" -w start >/dev/null
stop() { as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir" "$tls"; }
trap stop EXIT
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=$password PGDATABASE=postgres
"$@"
