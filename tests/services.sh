#!/usr/bin/env bash
# Starts the local services the test suite talks to, when none answers: Redis on 127.0.0.1:6379.
# `make test` runs it; `.ci/run` also installs redis-server first when the machine lacks it.
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
