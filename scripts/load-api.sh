# Sourced by scripts/load-test.sh and scripts/gatling.sh: the API under load, started the same way for both.
# REPLICAS APIs (1 by default) on one throwaway database (LOAD_DB, motel_load) and the local Redis, with the demo
# motel, rate limits off, bcrypt strength 4 and no cap on unpaid holds, so the load measures the API, not its brakes.
# Replica n listens on PORT + 2(n-1) (8099, 8101...), its actuator on the port after it. BUILD=no reuses the last jar.
# TRACING, one word per replica: "on" samples every trace (1.0), "off" turns tracing off, anything else (or none) keeps
# application.yml's 0.1; TRACING="off on" with REPLICAS=2 (scripts/tracing-overhead.sh).
# shellcheck shell=bash

LOAD_DB=${LOAD_DB:-motel_load}
PORT=${PORT:-8099}
REPLICAS=${REPLICAS:-1}
LOAD_API_PIDS=()
LOAD_API_LOG=$(mktemp -d)

load_api_ports() {   # the replicas' API ports, one a line
  local n
  for ((n = 0; n < REPLICAS; n++)); do echo $((PORT + 2 * n)); done
}

load_api_start() {
  command -v psql >/dev/null || { echo "load: psql is missing" >&2; exit 2; }
  scripts/services.sh >/dev/null
  runuser -u postgres -- psql -qtAX -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $LOAD_DB WITH (FORCE)" \
    -c "CREATE DATABASE $LOAD_DB OWNER motel" >/dev/null
  [ "${BUILD:-yes}" = no ] || ./mvnw -B -q -DskipTests package -pl bootstrap-api -am
  local jar port java_opts tracing n=0
  read -ra java_opts <<<"${JAVA_OPTS:--Xmx1g}"
  read -ra tracing <<<"${TRACING:-}"
  jar=$(ls bootstrap-api/target/bootstrap-api-*-exec.jar)
  trap load_api_stop EXIT
  # One set of keys for every replica (each would otherwise draw its own): a token, a booking's manage link or an
  # audit entry made on one replica must hold on the other. Set in the environment, they are used as they are.
  local secret
  for secret in MOTEL_SECURITY_JWT_SIGNINGKEY MOTEL_SECURITY_MFAENCRYPTIONKEY MOTEL_BOOKING_MANAGELINKKEY \
    MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY MOTEL_AUDIT_HMACKEY; do
    [ -n "${!secret:-}" ] || export "$secret=$(head -c 32 /dev/urandom | base64)"
  done
  for port in $(load_api_ports); do
    # The tracing argument unquoted on purpose: none at all (not an empty one) when it is the default.
    # shellcheck disable=SC2046
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$LOAD_DB" java "${java_opts[@]}" -jar "$jar" --server.port="$port" \
      --management.server.port="$((port + 1))" --motel.demo-data.enabled=true --motel.rate-limit.enabled=false \
      --motel.security.bcrypt-strength=4 --motel.booking.max-unpaid-holds=1000000 $(load_tracing_argument "${tracing[n]:-}") \
      >"$LOAD_API_LOG/api-$port.log" 2>&1 &
    LOAD_API_PIDS+=($!)
    n=$((n + 1))
    # One at a time: the first seeds the demo motel into the empty database, the next finds it there.
    load_api_wait "$port"
  done
}

load_tracing_argument() {   # on, off, or anything else for the default
  case "$1" in
    on) echo --management.tracing.sampling.probability=1.0 ;;
    # No OpenTelemetry tracer at all (Boot's no-op one instead): management.tracing.export.enabled=false would still
    # make and sample every span, and stop only their export.
    off) echo --spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration ;;
  esac
}

load_api_wait() {
  local port=$1
  for _ in $(seq 1 120); do curl -sf "127.0.0.1:$((port + 1))/actuator/health/readiness" >/dev/null && return; sleep 1; done
  echo "load: the API on port $port did not start; see $LOAD_API_LOG/api-$port.log" >&2
  exit 1
}

load_api_stop() {
  local pid
  for pid in "${LOAD_API_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  runuser -u postgres -- psql -qtAX -c "DROP DATABASE IF EXISTS $LOAD_DB WITH (FORCE)" >/dev/null
}

# Pairs of bookings that hold the same room for a shared night: the exclusion constraint keeps it at 0.
load_double_bookings() {
  psql -h 127.0.0.1 -U motel -d "$LOAD_DB" -tAc "
    SELECT count(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id AND a.id < b.id
       AND daterange(a.check_in, a.check_out) && daterange(b.check_in, b.check_out)
     WHERE a.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
       AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')"
}

load_bookings_summary() {
  psql -h 127.0.0.1 -U motel -d "$LOAD_DB" -tAc "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM
    (SELECT status, count(*) AS n FROM bookings GROUP BY status) s"
}

# The sum over every replica's management port of the Prometheus series whose lines match an extended regular
# expression: load_metric '^cache_gets_total\{.*result="hit"'.
load_metric() {
  local port total=0 value
  for port in $(load_api_ports); do
    value=$(curl -sf "127.0.0.1:$((port + 1))/actuator/prometheus" | grep -E "$1" | awk '{s += $NF} END {printf "%.0f", s}')
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

# Samples each replica's pool every second until killed, and prints the highest use seen as "active/maximum".
load_pool_watch() {
  local port active max peak=0 peak_of=0
  trap 'echo "$peak/$peak_of"; exit 0' TERM
  while :; do
    for port in $(load_api_ports); do
      read -r active max < <(curl -sf "127.0.0.1:$((port + 1))/actuator/prometheus" \
        | awk '/^hikaricp_connections_active\{/ {a = $NF} /^hikaricp_connections_max\{/ {m = $NF} END {printf "%d %d\n", a, m}')
      if [ "${active:-0}" -gt "$peak" ]; then peak=$active; peak_of=$max; fi
    done
    sleep 1 &
    wait $!
  done
}
