#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 for development, tests and CI:
#   - starts them when they are installed but down,
#   - installs them from Debian's packages when they are absent (needs root or sudo),
#   - creates the role and the databases the project uses, with btree_gist available.
# Idempotent: a second run finds everything in place and changes nothing.
#
# Settings (environment): MOTEL_DB_USER (motel), MOTEL_DB_PASSWORD (motel, the local development
# password), MOTEL_DATABASES ("motel motel_test"), PGPORT (5432), REDIS_PORT (6379).
# MOTEL_FRESH_TEST_DATABASES (CI sets it: "motel_test_ci motel_test_ci_adapters") names databases to drop first, so
# that a run starts from the migrations of the commit under test, not from what another branch left behind.
set -euo pipefail

DB_USER=${MOTEL_DB_USER:-motel}
DB_PASSWORD=${MOTEL_DB_PASSWORD:-motel}
DATABASES=${MOTEL_DATABASES:-motel motel_test}
PG_PORT=${PGPORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
WAIT_SECONDS=30

say() { printf 'services: %s\n' "$*"; }
fail() { printf 'services: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) to: $*"; fi
}

apt_install() {
  say "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description, command...
  local description=$1; shift
  for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  fail "$description did not come up within ${WAIT_SECONDS}s"
}

# ---- PostgreSQL -------------------------------------------------------------------------------

pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

superuser_psql() { # runs psql as the postgres superuser over the local socket
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"
  elif [ "$(id -un)" = postgres ]; then psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -u postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"
  else psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtAX "$@"; fi
}

ensure_postgres() {
  if pg_ready; then
    say "PostgreSQL answers on 127.0.0.1:$PG_PORT"
  else
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
      apt_install postgresql postgresql-contrib
    fi
    local version
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)
    if [ ! -d "/etc/postgresql/$version/main" ]; then
      as_root pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
    fi
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for "PostgreSQL on 127.0.0.1:$PG_PORT" pg_ready
    say "PostgreSQL $version started"
  fi

  if [ "$(superuser_psql -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    say "creating role $DB_USER"
    superuser_psql -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
  fi
  if [ -n "${MOTEL_FRESH_TEST_DATABASES:-}" ]; then
    for database in $MOTEL_FRESH_TEST_DATABASES; do
      say "dropping test database $database (MOTEL_FRESH_TEST_DATABASES)"
      superuser_psql -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)"
    done
  fi
  for database in $DATABASES; do
    if [ "$(superuser_psql -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
      say "creating database $database"
      superuser_psql -c "CREATE DATABASE \"$database\" OWNER \"$DB_USER\" ENCODING 'UTF8' TEMPLATE template0"
    fi
    # Migrations create it too (it is a trusted extension); doing it here proves contrib is installed.
    if [ "$(superuser_psql -d "$database" -c "SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'")" != 1 ]; then
      superuser_psql -d "$database" -c "CREATE EXTENSION IF NOT EXISTS btree_gist"
    fi
  done
  say "databases ready: $DATABASES (owner $DB_USER, btree_gist available)"
}

# ---- Redis ------------------------------------------------------------------------------------

redis_ready() {
  port_open "$REDIS_PORT" || return 1
  local reply
  reply=$(exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"; printf 'PING\r\n' >&3; read -r -t 2 line <&3; printf '%s' "$line")
  [ "${reply%$'\r'}" = "+PONG" ]
}

ensure_redis() {
  if redis_ready; then
    say "Redis answers on 127.0.0.1:$REDIS_PORT"
    return
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  say "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  # Nothing kept on disk: Redis is the fast layer, never the only copy (docs/architecture.md §4).
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for "Redis on 127.0.0.1:$REDIS_PORT" redis_ready
  say "Redis started"
}

ensure_postgres
ensure_redis
