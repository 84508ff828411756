#!/usr/bin/env bash
# The Gatling load scenarios (module load-tests): normal, peak or stress. Without BASE_URL it starts its own API on a
# throwaway database as scripts/load-test.sh does (scripts/load-api.sh: demo motel, rate limits off), runs the scenario
# against it, counts double bookings and stops it; with BASE_URL it runs against the API already there (which should
# have rate limits off: guest checkout allows 10 bookings an hour per client address). The HTML report is written to
# load-tests/target/gatling/; the run fails when a scenario's thresholds are missed (stress only reports its breaking point).
#   scripts/gatling.sh normal                                   100 users, 10 minutes
#   scripts/gatling.sh peak -Dload.users=100 -Dload.duration=60s a shorter run
#   scripts/gatling.sh stress -Dload.duration=20s               steps of 100 users, 20 s each, to 1,000
#   REPLICAS=2 scripts/gatling.sh normal                        two APIs on one database; users take turns
#   BASE_URL=http://localhost:8080 scripts/gatling.sh normal
# Properties: load.users, load.duration, load.ramp, load.thinkTime (longest pause between requests, 2s), load.horizonDays.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  normal) simulation=NormalLoadSimulation ;;
  peak) simulation=PeakLoadSimulation ;;
  stress) simulation=StressSimulation ;;
  *) echo "usage: scripts/gatling.sh normal|peak|stress [-Dload.users=N -Dload.duration=60s ...]" >&2; exit 2 ;;
esac
shift

if [ -n "${BASE_URL:-}" ]; then
  base_url=$BASE_URL
else
  # shellcheck source=scripts/load-api.sh
  . scripts/load-api.sh
  load_api_start
  base_url=$(load_api_ports | sed 's|^|http://127.0.0.1:|' | paste -sd, -)
fi

if [ -z "${BASE_URL:-}" ]; then
  # The two-level cache's hits and misses over the run (every cache, every replica) and the pools' highest use.
  hits_before=$(load_metric '^cache_gets_total\{.*result="hit"'); misses_before=$(load_metric '^cache_gets_total\{.*result="miss"')
  pool_file=$(mktemp)
  load_pool_watch >"$pool_file" &
  watcher=$!
fi
status=0
./mvnw -B -pl load-tests gatling:test -Dgatling.simulationClass="com.westbethel.motel.load.$simulation" \
  -Dload.baseUrl="$base_url" "$@" || status=$?
if [ -z "${BASE_URL:-}" ]; then
  kill -TERM "$watcher"; wait "$watcher" || true
  hits=$(($(load_metric '^cache_gets_total\{.*result="hit"') - hits_before)); misses=$(($(load_metric '^cache_gets_total\{.*result="miss"') - misses_before))
  echo "cache: $hits hits, $misses misses, hit ratio $(awk -v h="$hits" -v m="$misses" 'BEGIN {printf "%.3f", (h + m) ? h / (h + m) : 0}')"
  echo "pool: at most $(cat "$pool_file") connections in use at once (active/maximum, the busiest replica)"
  echo "bookings: $(load_bookings_summary)"
  echo "double bookings (pairs of live bookings sharing a room and a night): $(load_double_bookings)"
fi
exit "$status"
