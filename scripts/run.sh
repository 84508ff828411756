#!/usr/bin/env bash
# Builds and starts a deployable on the local PostgreSQL and Redis (started first if they are down).
#   scripts/run.sh            the HTTP API on http://localhost:8080 (actuator on http://127.0.0.1:8081)
#   scripts/run.sh worker     the background worker (actuator on http://127.0.0.1:8082, its only port)
# Extra arguments go to the application, for example: scripts/run.sh api --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."

deployable=api
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then deployable=$1; shift; fi
case "$deployable" in
  api|worker) ;;
  *) echo "usage: scripts/run.sh [api|worker] [application arguments]" >&2; exit 2 ;;
esac

scripts/services.sh
echo "run: building bootstrap-$deployable"
./mvnw -B -q -DskipTests package -pl "bootstrap-$deployable" -am
jar=$(ls "bootstrap-$deployable/target/bootstrap-$deployable-"*-exec.jar)
echo "run: starting $jar"
# Development only: keys kept across restarts and shared by the API and the worker; production sets its own (the prod
# profile refuses to start without them). The MFA key encrypts TOTP secrets and seals password-reset links in the outbox,
# which the worker opens with the same key; the manage-link and unsubscribe keys sign the links in the emails of the
# payments the worker recovers, which the API must accept.
dev_key() { # dev_key FILE VARIABLE
  if [ -z "${!2:-}" ]; then
    mkdir -p .dev-secrets && chmod 700 .dev-secrets
    [ -s ".dev-secrets/$1" ] || (umask 077 && head -c 32 /dev/urandom | base64 > ".dev-secrets/$1")
    export "$2=$(cat ".dev-secrets/$1")"
  fi
}
dev_key mfa-encryption-key MOTEL_SECURITY_MFAENCRYPTIONKEY
dev_key manage-link-key MOTEL_BOOKING_MANAGELINKKEY
dev_key unsubscribe-key MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY
extra=()
# The API seeds the West Bethel Motel demo data into an empty database.
[ "$deployable" = api ] && extra=(--motel.demo-data.enabled=true)
# JAVA_OPTS unquoted on purpose: several options in one variable.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "${extra[@]}" "$@"
