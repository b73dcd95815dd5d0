#!/usr/bin/env bash
# Starts the local services the test suite talks to, when none answers: Redis on 127.0.0.1:6379 and
# PostgreSQL on 127.0.0.1:5432 (trust authentication, a throwaway cluster under /tmp).
# `make test` runs it; `.ci/run` also installs the servers first when the machine lacks them.
set -euo pipefail

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! answers 6379; then
  if command -v redis-server >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    for _ in $(seq 50); do answers 6379 && break; sleep 0.1; done
  else
    echo "tests/services.sh: no Redis answers on 127.0.0.1:6379 and redis-server is not installed;" >&2
    echo "  install it (Debian: apt-get install redis-server) or start one; the tests that need it will fail" >&2
  fi
fi

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  # Debian keeps the server's programs off PATH, one folder per major version.
  ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}

if ! answers 5432; then
  initdb=$(pg_bin initdb); pg_ctl=$(pg_bin pg_ctl)
  if [ -n "$initdb" ] && [ -n "$pg_ctl" ]; then
    data=/tmp/commerce-gateway-postgres
    # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
    as=(); [ "$(id -u)" -ne 0 ] || as=(runuser -u postgres --)
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data"; [ "$(id -u)" -ne 0 ] || chown postgres "$data"
      "${as[@]}" "$initdb" -D "$data" -U postgres --auth=trust >/dev/null
    fi
    "${as[@]}" "$pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=/tmp -c max_connections=200" start >/dev/null
  else
    echo "tests/services.sh: no PostgreSQL answers on 127.0.0.1:5432 and its server is not installed;" >&2
    echo "  install it (Debian: apt-get install postgresql) or start one; the tests that need it will fail" >&2
  fi
fi
