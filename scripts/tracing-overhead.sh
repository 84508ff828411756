#!/usr/bin/env bash
# What tracing costs GET /availability, side by side in one run: two APIs on one throwaway database (scripts/load-api.sh),
# the first with tracing off (OpenTelemetry's tracing auto-configuration excluded: no spans at all), the second sampling every trace (1.0) and
# exporting it over OTLP to a sink on this machine that takes and drops every batch, so the export's cost counts too. wrk
# loads one API at a time, off then on, ROUNDS times, DURATION each, after a warm-up of both; prints requests/s and
# latency per round, then the means and the cost of tracing.
#   scripts/tracing-overhead.sh                  3 rounds of 20 s, 50 connections
#   ROUNDS=5 DURATION=30s BUILD=no scripts/tracing-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
SINK_PORT=${SINK_PORT:-4399}
export LOAD_DIR="$PWD/load"
command -v wrk >/dev/null || { echo "tracing-overhead: install wrk first (apt-get install wrk)" >&2; exit 2; }

# The collector: OTLP/HTTP, answers every export with an empty (accepted) response and notes its size in EXPORTS.
EXPORTS=$(mktemp)
python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        size = len(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        with open(sys.argv[2], "a") as exports: exports.write("%d\n" % size)
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()' "$SINK_PORT" "$EXPORTS" &
SINK_PID=$!
export MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT/v1/traces"

REPLICAS=2
TRACING="off on"
# shellcheck source=scripts/load-api.sh
. scripts/load-api.sh
load_api_start
trap 'load_api_stop; kill $SINK_PID 2>/dev/null || true' EXIT
read -r off on < <(load_api_ports | xargs)

load() {   # port, duration: prints wrk's result line (req/s p50 p95 p99 2xx 409 4xx 5xx socket)
  TARGETS="127.0.0.1:$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -s load/availability.lua "http://127.0.0.1:$1" | sed -n 's/^result: //p'
}

echo "== warm-up (15 s each)"
load "$off" 15s >/dev/null
load "$on" 15s >/dev/null
echo "== GET /availability, $DURATION per run, $CONNECTIONS connections, $THREADS wrk threads, $ROUNDS rounds"
results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  echo "off $round $(load "$off" "$DURATION")" >>"$results"
  echo "on $round $(load "$on" "$DURATION")" >>"$results"
done
exported=$(awk '{n++; s += $1} END {printf "%d batches, %.1f MB", n, s / 1e6}' "$EXPORTS")
awk -v exported="$exported" '
  BEGIN { printf "%-8s %6s %9s %8s %8s %8s %7s\n", "tracing", "round", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx" }
  { printf "%-8s %6d %9.0f %8.1f %8.1f %8.1f %7d\n", $1, $2, $3, $4, $5, $6, $8 + $9 + $10 + $11
    rate[$1] += $3; p50[$1] += $4; p99[$1] += $6; n[$1]++ }
  END {
    for (t in n) printf "%-8s %6s %9.0f %8.1f %8s %8.1f\n", t, "mean", rate[t] / n[t], p50[t] / n[t], "", p99[t] / n[t]
    if (n["off"] && n["on"]) printf "tracing on costs %.1f%% of the requests/s; exported to the sink: %s\n",
      100 * (1 - (rate["on"] / n["on"]) / (rate["off"] / n["off"])), exported }' "$results"
