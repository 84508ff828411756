#!/usr/bin/env bash
# What the database alone can commit of a booking on this machine, beside the API's liveness in the same run: the
# ceiling of POST /bookings's ratio to liveness (scripts/load-test.sh) that no change to the Java side can pass.
# Starts the API as the load scripts do (scripts/load-api.sh: a throwaway database with the demo motel), registers GUESTS
# guests, then runs with pgbench (no Java at all): load/booking-transaction.pgb, the statements the API sends for a
# guest's one-night hold, and load/booking-least.pgb, the least a hold can be; each on CLIENTS connections (10, the
# API's pool) for DURATION seconds, one-night holds 400 to 3,600 days ahead in every room type, the guests in turn.
#   scripts/booking-ceiling.sh                    20 s each, 10 clients
#   DURATION=30 CLIENTS="10 20" BUILD=no scripts/booking-ceiling.sh
# docs/performance.md, "The database's ceiling", has the figures and what they mean.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-10}
GUESTS=${GUESTS:-20}
export LOAD_DIR="$PWD/load"
# shellcheck source=scripts/load-api.sh
. scripts/load-api.sh

command -v wrk >/dev/null || { echo "booking-ceiling: install wrk first (apt-get install wrk)" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "booking-ceiling: pgbench is missing (Debian's postgresql-client)" >&2; exit 2; }
load_api_start
first=$PORT
for i in $(seq 1 "$GUESTS"); do
  curl -sf -X POST "localhost:$first/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"ceiling-$RANDOM-$i@example.com\",\"password\":\"lantern orchard velvet kayak\",\"firstName\":\"Load\",\"lastName\":\"Test\"}" >/dev/null
done
sql() { psql -h 127.0.0.1 -U motel -d "$LOAD_DB" -tAc "$1"; }
property=$(sql "SELECT id FROM properties LIMIT 1")
scripts=$(mktemp -d)
transaction=() least=()
for type in $(sql "SELECT id FROM room_types"); do
  for guest in $(sql "SELECT id FROM users ORDER BY created_at LIMIT $GUESTS"); do
    for kind in transaction least; do
      sed -e "s/__ROOM_TYPE__/$type/g" -e "s/__GUEST__/$guest/g" -e "s/__PROPERTY__/$property/g" "load/booking-$kind.pgb" \
        >"$scripts/$kind-$type-$guest.pgb"
    done
    transaction+=(-f "$scripts/transaction-$type-$guest.pgb")
    least+=(-f "$scripts/least-$type-$guest.pgb")
  done
done

liveness() {
  TARGETS="127.0.0.1:$((first + 1))" wrk -t2 -c100 -d"$1" -s load/liveness.lua "http://127.0.0.1:$((first + 1))/actuator/health/liveness" \
    | sed -n 's/^result: //p' | cut -d' ' -f1
}
tps() {   # clients, then pgbench's -f arguments
  local clients=$1
  shift
  pgbench -h 127.0.0.1 -U motel -n -M prepared -c "$clients" -j 2 -T "$DURATION" "$@" "$LOAD_DB" 2>&1 \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

echo "== warm-up (10 s), then ${DURATION} s each"
liveness 10s >/dev/null
base=$(liveness "${DURATION}s")
printf '%-52s %9s %12s\n' "scenario" "per s" "vs liveness"
printf '%-52s %9.0f %12.2f\n' "API liveness (wrk, 100 connections)" "$base" 1
for clients in $CLIENTS; do
  for kind in transaction least; do
    if [ "$kind" = transaction ]; then rate=$(tps "$clients" "${transaction[@]}"); else rate=$(tps "$clients" "${least[@]}"); fi
    printf '%-52s %9.0f %12.2f\n' "booking-$kind.pgb ($clients clients)" "${rate:-0}" "$(awk -v r="${rate:-0}" -v b="$base" 'BEGIN { print r / b }')"
  done
done
echo "holds committed: $(load_bookings_summary); double bookings: $(load_double_bookings)"
