#!/usr/bin/env bash
# Load test of GET /availability and POST /bookings with wrk (Debian package 'wrk').
# Starts its own API on port 8099 against a throwaway database (motel_load) with the demo motel and
# rate limits off, runs each scenario, prints requests/s, p50/p95/p99 and errors, then stops the API.
#   scripts/load-test.sh                 30 s per scenario, 2 threads, 50 connections
#   DURATION=60s CONNECTIONS=100 scripts/load-test.sh
# Traffic goes to 127.0.0.1 only. The API runs on this machine too, so figures are for the whole box.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PORT=${PORT:-8099}
DB=motel_load
export LOAD_DIR="$PWD/load"

command -v wrk >/dev/null || { echo "load-test: install wrk first (apt-get install wrk)" >&2; exit 2; }
scripts/services.sh >/dev/null
runuser -u postgres -- psql -qtAX -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER motel" >/dev/null
./mvnw -B -q -DskipTests package -pl bootstrap-api -am
jar=$(ls bootstrap-api/target/bootstrap-api-*-exec.jar)

log=$(mktemp)
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" java -Xmx1g -jar "$jar" --server.port="$PORT" --management.server.port="$((PORT + 1))" \
  --motel.demo-data.enabled=true --motel.rate-limit.enabled=false --motel.security.bcrypt-strength=4 \
  --motel.booking.max-unpaid-holds=1000000 >"$log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; runuser -u postgres -- psql -qtAX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
for _ in $(seq 1 90); do curl -sf "127.0.0.1:$((PORT + 1))/actuator/health/readiness" >/dev/null && break; sleep 1; done
curl -sf "127.0.0.1:$((PORT + 1))/actuator/health/readiness" >/dev/null || { echo "load-test: the API did not start; see $log" >&2; exit 1; }

email="load-$RANDOM@example.com"; password="lantern orchard velvet kayak"
curl -sf -X POST "localhost:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"firstName\":\"Load\",\"lastName\":\"Test\"}" >/dev/null
token=$(psql -h 127.0.0.1 -U motel -d "$DB" -tAc "select model->>'token' from email_queue where recipient='$email'")
curl -sf -X POST "localhost:$PORT/api/v1/auth/verify-email" -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}" >/dev/null
export ACCESS_TOKEN=$(curl -sf -X POST "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
export ROOM_TYPE_ID=$(curl -sf "localhost:$PORT/api/v1/room-types" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')

echo "== warm-up (10 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s load/availability.lua "http://127.0.0.1:$PORT" >/dev/null
echo "== GET /api/v1/availability ($DURATION, $CONNECTIONS connections)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s load/availability.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
echo "== POST /api/v1/bookings ($DURATION, $CONNECTIONS connections)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s load/bookings.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
