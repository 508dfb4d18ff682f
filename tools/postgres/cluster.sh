#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and trials, never the system's own:
#   cluster.sh start DIR PORT   creates DIR/data on first use, serves it on 127.0.0.1:PORT only, prints a connection string
#   cluster.sh stop DIR         stops it
# The server runs as the `postgres` user when called as root (PostgreSQL refuses to run as root); the role `spectrallab`
# gets a password generated on first use and kept in DIR/password, so connections use real credentials.
set -euo pipefail
command=${1:?start or stop}; dir=${2:?the cluster folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "error: PostgreSQL is not installed; run: apt-get install postgresql" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $command in
start)
  port=${3:?the port}
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/password" ]; then
    as_owner bash -c "umask 077; head -c 18 /dev/urandom | base64 | tr -d '+/=' > '$dir/password'"
    as_owner "$bin/initdb" -D "$dir/data" -U spectrallab --pwfile="$dir/password" --auth-host=scram-sha-256 --auth-local=trust \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Database=postgres;Username=spectrallab;Password=$(as_owner cat "$dir/password")"
  ;;
stop)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
*) echo "usage: cluster.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
