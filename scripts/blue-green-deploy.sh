#!/usr/bin/env bash
# Blue-green deployment of the API on one machine, behind a local HAProxy (installed by scripts/load-balancer.sh when
# absent). Two slots, blue and green, each an API process with its own port and management port; the balancer sends the
# public traffic to the live one.
#
#   scripts/blue-green-deploy.sh deploy JAR [-- API_ARGUMENTS...]   start JAR in the idle slot and switch traffic to it
#   scripts/blue-green-deploy.sh status                            which slot is live, and what the balancer sees
#   scripts/blue-green-deploy.sh stop                              stop both slots and the balancer
#
# deploy: starts the balancer on first use (the first deploy is the one with nothing to switch from); starts JAR in the
# idle slot with API_ARGUMENTS (and the environment: SPRING_DATASOURCE_URL, ...); waits for its readiness on the
# management port; runs the smoke tests against it directly; puts it into the balancer and waits until HAProxy's own
# readiness check sees it UP; takes the old slot out of rotation (drain), runs the smoke tests again through the
# balancer; waits until the old slot has no request in flight, then stops it (SIGTERM: the API's graceful shutdown).
# Any failed check rolls back: the old slot stays (or is put back) in rotation, the new process is stopped, exit 1.
# The old slot is stopped only after every check passed.
#
# Settings (environment; defaults in brackets):
#   BG_STATE_DIR [${TMPDIR:-/tmp}/motel-blue-green]  balancer config, admin socket, pid files, logs, the live slot, a lock
#     (one deploy or stop at a time)
#   BG_LB_PORT [8080]  the public port;  BG_LB_ADDRESS [127.0.0.1]  the address it listens on
#   BG_BLUE_PORT [8081], BG_BLUE_MANAGEMENT_PORT [9081], BG_GREEN_PORT [8082], BG_GREEN_MANAGEMENT_PORT [9082]
#   BG_SMOKE_PATHS ["/api/v1/room-types /"]  GETs that must answer 2xx, on the new slot and through the balancer
#   BG_READY_TIMEOUT [120]  seconds for the new slot to become ready;  BG_DRAIN_TIMEOUT [30]  seconds for in-flight requests
#   BG_STOP_TIMEOUT [45]  seconds for a stopped slot to exit (then it is killed)
#   JAVA_HOME, JAVA_OPTS [-Xmx512m]  the JVM of the slots
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
STATE=${BG_STATE_DIR:-${TMPDIR:-/tmp}/motel-blue-green}
LB_ADDRESS=${BG_LB_ADDRESS:-127.0.0.1}
LB_PORT=${BG_LB_PORT:-8080}
SMOKE_PATHS=${BG_SMOKE_PATHS:-/api/v1/room-types /}
READY_TIMEOUT=${BG_READY_TIMEOUT:-120}
DRAIN_TIMEOUT=${BG_DRAIN_TIMEOUT:-30}
STOP_TIMEOUT=${BG_STOP_TIMEOUT:-45}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
BACKEND=api

say() { printf 'blue-green: %s\n' "$*"; }
fail() { printf 'blue-green: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

port_of() { if [ "$1" = blue ]; then echo "${BG_BLUE_PORT:-8081}"; else echo "${BG_GREEN_PORT:-8082}"; fi; }
management_port_of() { if [ "$1" = blue ]; then echo "${BG_BLUE_MANAGEMENT_PORT:-9081}"; else echo "${BG_GREEN_MANAGEMENT_PORT:-9082}"; fi; }
other_slot() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }

# A command on HAProxy's runtime API (its admin socket).
balancer() { echo "$*" | socat stdio "unix-connect:$STATE/haproxy.sock"; }

balancer_running() { [ -f "$STATE/haproxy.pid" ] && kill -0 "$(cat "$STATE/haproxy.pid")" 2>/dev/null; }

# A field of a slot's line in "show stat" (CSV): 5 = current sessions, 18 = status (UP, DOWN, MAINT, DRAIN, ...).
stat_of() { balancer "show stat" | awk -F, -v backend="$BACKEND" -v server="$1" -v field="$2" '$1 == backend && $2 == server { print $field }'; }

start_balancer() {
  cat >"$STATE/haproxy.cfg" <<CONFIG
# Written by scripts/blue-green-deploy.sh: both slots start out of rotation; the script puts them in and out.
global
    pidfile $STATE/haproxy.pid
    stats socket $STATE/haproxy.sock mode 600 level admin

defaults
    mode http
    option forwardfor
    option redispatch
    # Only a request that never reached a server is tried again: retrying one that did could book twice.
    retries 3
    retry-on conn-failure
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 10s
    # A readiness check may take its time on a busy machine (without this, inter is the check's whole timeout).
    timeout check 3s

frontend public
    bind $LB_ADDRESS:$LB_PORT
    default_backend $BACKEND

backend $BACKEND
    balance roundrobin
    # The API's readiness on its management port: DOWN while it starts, and while PostgreSQL is unreachable.
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 3 rise 2
    server blue 127.0.0.1:$(port_of blue) check port $(management_port_of blue) disabled
    server green 127.0.0.1:$(port_of green) check port $(management_port_of green) disabled
CONFIG
  haproxy -c -q -f "$STATE/haproxy.cfg" || fail "HAProxy refuses $STATE/haproxy.cfg"
  haproxy -D -f "$STATE/haproxy.cfg" </dev/null >>"$STATE/haproxy.log" 2>&1 9>&-
  for _ in $(seq 1 50); do
    [ -S "$STATE/haproxy.sock" ] && balancer_running && return 0
    sleep 0.1
  done
  fail "HAProxy did not start (config $STATE/haproxy.cfg)"
}

# One deploy or stop at a time: a second one waits for the first to finish. The processes this script leaves running
# (the slots, HAProxy) are started without the lock's descriptor (9>&-), or they would hold it for ever.
take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/lock"
  flock 9
}

slot_pid() { cat "$STATE/$1.pid" 2>/dev/null || true; }
slot_running() { local pid; pid=$(slot_pid "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

start_slot() {
  local slot=$1 jar=$2
  shift 2
  # A session of its own: the slot outlives this script and a Ctrl-C in its terminal. Its output goes to its log only.
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
  setsid "$JAVA" ${JAVA_OPTS:--Xmx512m} -jar "$jar" --server.port="$(port_of "$slot")" \
    --management.server.port="$(management_port_of "$slot")" "$@" </dev/null >"$STATE/$slot.log" 2>&1 9>&- &
  echo $! >"$STATE/$slot.pid"
  echo "$jar" >"$STATE/$slot.jar"
}

# SIGTERM: the API stops taking connections and finishes the requests in flight (graceful shutdown), then exits.
stop_slot() {
  local slot=$1 pid
  pid=$(slot_pid "$slot")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$slot did not exit within ${STOP_TIMEOUT}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$STATE/$slot.pid"
}

await_ready() {
  local slot=$1 deadline=$(($(date +%s) + READY_TIMEOUT)) url
  url="http://127.0.0.1:$(management_port_of "$slot")/actuator/health/readiness"
  while [ "$(date +%s)" -lt "$deadline" ]; do
    slot_running "$slot" || { say "$slot exited while starting (its log: $STATE/$slot.log)"; return 1; }
    curl -fsS -o /dev/null -m 2 "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  say "$slot was not ready within ${READY_TIMEOUT}s ($url; its log: $STATE/$slot.log)"
  return 1
}

# Every smoke path must answer 2xx on PORT.
smoke() {
  local port=$1 where=$2 path
  for path in $SMOKE_PATHS; do
    if ! curl -fsS -o /dev/null -m 10 "http://127.0.0.1:$port$path" 2>/dev/null; then
      say "smoke test failed $where: GET $path did not answer 2xx"
      return 1
    fi
  done
}

# In rotation once HAProxy's own checks keep it UP for 3 s on end: "UP 1/3" (a check failed) or "DOWN 1/2" do not count.
await_in_rotation() {
  local slot=$1 status steady=0
  for _ in $(seq 1 $((READY_TIMEOUT * 5))); do
    status=$(stat_of "$slot" 18)
    if [ "$status" = UP ]; then
      steady=$((steady + 1))
      [ "$steady" -lt 15 ] || return 0
    else
      steady=0
    fi
    slot_running "$slot" || break
    sleep 0.2
  done
  say "the balancer never saw $slot UP (last: ${status:-nothing})"
  return 1
}

# Out of rotation: no new request goes to SLOT; waits until none is in flight there.
drain() {
  local slot=$1 deadline=$(($(date +%s) + DRAIN_TIMEOUT))
  balancer "set server $BACKEND/$slot state drain" >/dev/null
  while [ "$(stat_of "$slot" 5)" != 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.1
  done
  balancer "set server $BACKEND/$slot state maint" >/dev/null
}

# A failed check: OLD (if any) back in rotation, NEW out of it and stopped.
roll_back() {
  local new=$1 old=$2 reason=$3
  say "$reason: rolling back"
  if [ -n "$old" ]; then
    balancer "set server $BACKEND/$old state ready" >/dev/null
    await_in_rotation "$old" || say "WARNING: $old is not UP in the balancer either"
  fi
  drain "$new"
  stop_slot "$new"
  say "rolled back: ${old:-nothing} stays live, $new stopped (its log: $STATE/$new.log)"
  exit 1
}

deploy() {
  [ $# -ge 1 ] || fail "usage: $0 deploy JAR [-- API_ARGUMENTS...]"
  local jar=$1
  shift
  [ "${1:-}" != -- ] || shift
  [ -f "$jar" ] || fail "no jar at $jar"
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  "$root/scripts/load-balancer.sh" >/dev/null
  take_lock
  balancer_running || start_balancer

  local old="" new
  if [ -f "$STATE/live" ] && slot_running "$(cat "$STATE/live")"; then
    old=$(cat "$STATE/live")
  fi
  new=$(other_slot "${old:-green}")
  # A leftover of an interrupted deploy in the idle slot is never live: stop it first.
  drain "$new"
  stop_slot "$new"

  local started
  started=$(now_ms)
  say "starting $jar as $new (port $(port_of "$new"), management $(management_port_of "$new")); live: ${old:-none}"
  start_slot "$new" "$jar" "$@"
  await_ready "$new" || roll_back "$new" "$old" "$new is not ready"
  say "$new is ready after $(($(now_ms) - started)) ms"
  smoke "$(port_of "$new")" "on $new" || roll_back "$new" "$old" "$new failed its smoke test"

  local switch
  switch=$(now_ms)
  balancer "set server $BACKEND/$new state ready" >/dev/null
  await_in_rotation "$new" || roll_back "$new" "$old" "$new did not pass the balancer's readiness check"
  [ -z "$old" ] || balancer "set server $BACKEND/$old state drain" >/dev/null
  smoke "$LB_PORT" "through the balancer" || roll_back "$new" "$old" "the balancer's smoke test failed"
  local switched
  switched=$(now_ms)
  echo "$new" >"$STATE/live"
  say "traffic switched to $new in $((switched - switch)) ms"
  if [ -n "$old" ]; then
    drain "$old"
    say "$old drained after $(($(now_ms) - switched)) ms; stopping it"
    stop_slot "$old"
  fi
  say "deployed $jar as $new in $(($(now_ms) - started)) ms; switch time $((switched - switch)) ms"
}

status() {
  if ! balancer_running; then
    say "the balancer is not running (state in $STATE)"
    return 0
  fi
  say "balancer on $LB_ADDRESS:$LB_PORT; live slot: $(cat "$STATE/live" 2>/dev/null || echo none)"
  local slot
  for slot in blue green; do
    say "$slot: balancer $(stat_of "$slot" 18), process $(slot_running "$slot" && echo "$(slot_pid "$slot") running $(cat "$STATE/$slot.jar")" || echo stopped)"
  done
}

stop() {
  local slot
  take_lock
  for slot in blue green; do
    if balancer_running; then
      drain "$slot"
    fi
    stop_slot "$slot"
  done
  if balancer_running; then
    kill -TERM "$(cat "$STATE/haproxy.pid")"
  fi
  rm -f "$STATE/live" "$STATE/haproxy.pid"
  say "stopped both slots and the balancer"
}

command=${1:-}
[ $# -eq 0 ] || shift
case "$command" in
  deploy) deploy "$@" ;;
  status) status ;;
  stop) stop ;;
  *) fail "usage: $0 deploy JAR [-- API_ARGUMENTS...] | status | stop" ;;
esac
