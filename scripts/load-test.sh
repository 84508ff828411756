#!/usr/bin/env bash
# Side by side in one run, with wrk (Debian package 'wrk'): the API's own liveness endpoint, GET /availability (random
# stays of 1 to 14 nights in the next year) and POST /bookings (one-night holds one to four years ahead, by
# GUESTS logged-in guests in turn), each for DURATION on CONNECTIONS connections. Prints one table: requests/s, p50/p95/p99, the answers
# by kind (2xx, 409, other 4xx, 5xx, socket errors) and each scenario's throughput as a ratio to liveness, which is what
# the same JVM serves with no work behind it. Then counts double bookings in the database (0, or the constraint broke).
# Starts its own API(s) on a throwaway database (scripts/load-api.sh: demo motel, rate limits off) and stops them after.
#   scripts/load-test.sh                          30 s per scenario, 100 connections, 2 wrk threads
#   DURATION=60s CONNECTIONS=100 scripts/load-test.sh
#   REPLICAS=2 scripts/load-test.sh               two APIs on one database and Redis; wrk's threads take turns
#   BUILD=no scripts/load-test.sh                 reuse the API jar built last time
#   GUESTS=1 scripts/load-test.sh                 book as one guest (default 100, in turn)
# Traffic goes to 127.0.0.1 only. The API runs on this machine too, so figures are for the whole box.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
GUESTS=${GUESTS:-100}
export LOAD_DIR="$PWD/load"
# shellcheck source=scripts/load-api.sh
. scripts/load-api.sh

command -v wrk >/dev/null || { echo "load-test: install wrk first (apt-get install wrk)" >&2; exit 2; }
[ "$THREADS" -ge "$REPLICAS" ] || { echo "load-test: THREADS must be at least REPLICAS (each wrk thread keeps to one)" >&2; exit 2; }
load_api_start
ports=$(load_api_ports)
first=$PORT
targets() {   # host:port of every replica, the actuator's if $1 = management
  local port offset=0 list=()
  [ "${1:-}" = management ] && offset=1
  for port in $ports; do list+=("127.0.0.1:$((port + offset))"); done
  (IFS=,; echo "${list[*]}")
}

# GUESTS accounts book, in turn: one guest's bookings take turns on the cap of unpaid holds by design (a row lock on the
# account), so a single guest would measure that lock rather than the booking path.
password="lantern orchard velvet kayak"
ACCESS_TOKENS_FILE=$(mktemp)
for i in $(seq 1 "$GUESTS"); do
  email="load-$RANDOM-$i@example.com"
  curl -sf -X POST "localhost:$first/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"firstName\":\"Load\",\"lastName\":\"Test\"}" >/dev/null
  token=$(psql -h 127.0.0.1 -U motel -d "$LOAD_DB" -tAc "select model->>'token' from email_queue where recipient='$email'")
  curl -sf -X POST "localhost:$first/api/v1/auth/verify-email" -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}" >/dev/null
  answer=$(curl -sf -X POST "localhost:$first/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}")
  printf '%s\n' "$answer" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/' >>"$ACCESS_TOKENS_FILE"
done
ROOM_TYPE_ID=$(curl -sf "localhost:$first/api/v1/room-types" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')
export ACCESS_TOKENS_FILE ROOM_TYPE_ID

results=$(mktemp)
run() {   # name, lua script, target kind (api or management), path
  local name=$1 script=$2 kind=$3 path=${4:-/}
  local base=$first
  [ "$kind" = management ] && base=$((first + 1))
  TARGETS=$(targets "$kind") wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$script" "http://127.0.0.1:$base$path" \
    | sed -n 's/^result: //p' | sed "s|^|$name\t|" >>"$results"
}

echo "== warm-up (10 s each)"
TARGETS=$(targets management) wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s load/liveness.lua "http://127.0.0.1:$((first + 1))/actuator/health/liveness" >/dev/null
TARGETS=$(targets) wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s load/availability.lua "http://127.0.0.1:$first" >/dev/null
echo "== $DURATION per scenario, $CONNECTIONS connections, $THREADS wrk threads, $REPLICAS replica(s), rate limits off"
run liveness load/liveness.lua management /actuator/health/liveness
run "GET /availability" load/availability.lua api
run "POST /bookings" load/bookings.lua api

awk -F'\t' '
  BEGIN { printf "%-20s %9s %8s %8s %8s %8s %7s %7s %7s %7s %12s\n", "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms",
          "2xx", "409", "4xx", "5xx", "socket", "vs liveness" }
  { split($2, v, " ")
    if (NR == 1) base = v[1]
    printf "%-20s %9.0f %8.1f %8.1f %8.1f %8d %7d %7d %7d %7d %12.2f\n", $1, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
           (base > 0 ? v[1] / base : 0) }' "$results"
echo "bookings: $(load_bookings_summary)"
echo "double bookings (pairs of live bookings sharing a room and a night): $(load_double_bookings)"
