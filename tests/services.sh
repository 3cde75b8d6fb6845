#!/usr/bin/env bash
# Install and start what the tests use for real, when it is missing and we may install it:
#   - Debian's chromium (headless browser tests, PDF printing)
#   - a local PostgreSQL server (SQL tests), reachable by the current user over the local socket.
# Idempotent and quiet when everything is already there. Never fails the build by itself: a test
# that needs a missing service skips with the reason.
set -u
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
updated=0
apt_install() {
  if [ $updated = 0 ]; then apt-get update -qq >/dev/null 2>&1; updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || echo "services: could not install $* (tests that need it will skip)"
}

if ! command -v chromium >/dev/null 2>&1 && can_apt; then
  echo "services: installing chromium"; apt_install chromium
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 && can_apt; then
  echo "services: installing postgresql"; apt_install postgresql
fi
if command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters -h 2>/dev/null | head -1)
  if [ -n "$cluster" ]; then
    ver=$(echo "$cluster" | awk '{print $1}'); name=$(echo "$cluster" | awk '{print $2}')
    status=$(echo "$cluster" | awk '{print $4}')
    if [ "$status" != online ]; then
      pg_ctlcluster "$ver" "$name" start >/dev/null 2>&1 || echo "services: could not start PostgreSQL $ver/$name"
    fi
    if [ "$(id -u)" = 0 ]; then
      su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='root'\"" 2>/dev/null | grep -q 1 \
        || su postgres -c "psql -qc 'create role root superuser login;'" >/dev/null 2>&1
      su postgres -c "psql -tAc \"select 1 from pg_database where datname='root'\"" 2>/dev/null | grep -q 1 \
        || su postgres -c "createdb -O root root" >/dev/null 2>&1
    fi
  fi
fi
exit 0
