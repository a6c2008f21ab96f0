#!/usr/bin/env bash
# Run COMMAND with a throwaway PostgreSQL server: a new cluster (Debian's postgresql package:
# initdb, pg_ctl) in a temporary directory, listening on 127.0.0.1 at a free port with
# password (SCRAM) authentication and TLS (a self-signed CA made here), stopped and deleted
# when COMMAND ends, however it ends. COMMAND sees:
#   TABLELIFT_TEST_PG       postgres://tablelift:PASSWORD@127.0.0.1:PORT/tablelift?sslmode=disable
#   TABLELIFT_TEST_PG_CA    the CA certificate (PEM) that signed the server's (CN localhost)
#   TABLELIFT_TEST_PG_CTL   a script: `sh $TABLELIFT_TEST_PG_CTL stop` stops the server (fast:
#                           connections cut), `… start` starts it again
# As root the server runs as the `postgres` user (or `nobody`): PostgreSQL refuses root.
# Usage: scripts/pg-test.sh COMMAND [ARG...]     e.g. scripts/pg-test.sh cargo test --release
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bindir" ]]; then
  echo "pg-test: no PostgreSQL server found (apt-get install postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/tablelift-pg.XXXXXX)
run_as=()
if [[ $(id -u) == 0 ]]; then
  owner=postgres
  id -u postgres >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$dir"
  run_as=(runuser -u "$owner" --)
fi
cleanup() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '%s\n' "$password" > "$dir/pwfile"
# A CA and a server certificate for localhost, so that sslmode=verify-full can be tested.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=tablelift test CA" \
  -keyout "$dir/ca.key" -out "$dir/ca.crt" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" >/dev/null 2>&1
printf 'subjectAltName=DNS:localhost\n' > "$dir/san.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
  -extfile "$dir/san.ext" -out "$dir/server.crt" >/dev/null 2>&1
chmod 600 "$dir/server.key" "$dir/pwfile"
[[ ${#run_as[@]} -gt 0 ]] && chown "$owner" "$dir"/*
"${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U tablelift --pwfile="$dir/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
CONF
# stop / start the server (the tests stop it mid-batch): sh $TABLELIFT_TEST_PG_CTL stop|start
printf '#!/bin/sh\nexec %s "%s/pg_ctl" -D "%s/data" -l "%s/server.log" -w -t 60 -m fast "$1" >/dev/null\n' \
  "${run_as[*]}" "$bindir" "$dir" "$dir" > "$dir/ctl.sh"
sh "$dir/ctl.sh" start || { cat "$dir/server.log" >&2; exit 1; }
export TABLELIFT_TEST_PG="postgres://tablelift:$password@127.0.0.1:$port/tablelift?sslmode=disable"
export TABLELIFT_TEST_PG_CA="$dir/ca.crt"
export TABLELIFT_TEST_PG_CTL="$dir/ctl.sh"
PGPASSWORD=$password "$bindir/createdb" -h 127.0.0.1 -p "$port" -U tablelift tablelift
echo "pg-test: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
