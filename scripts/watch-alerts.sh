#!/usr/bin/env bash
# Prometheus, as .github/workflows/cd-production.yml consults it around the switch of a blue-green release. Queried
# through the Kubernetes API server's service proxy (kubectl get --raw): no port-forward to hold, and the only right
# needed outside the app's namespace is GET on services/proxy in Prometheus's namespace
# (deploy/k8s/overlays/production/cluster/access.yaml).
#   scripts/watch-alerts.sh check   before the switch: Prometheus answers and scrapes at least one motel-api target
#                                   in NAMESPACE (with no target, MotelApiDown would fire and the watch roll back);
#   scripts/watch-alerts.sh watch   for WATCH_MINUTES (60), once a minute: the count of firing alerts of severity
#                                   page. Writes verdict=quiet|firing|unknown to $GITHUB_OUTPUT and exits non-zero
#                                   unless quiet:
#                                     firing   Prometheus answered with a count above 0: the workflow rolls back;
#                                     unknown  Prometheus did not answer for UNREACHABLE_MINUTES (5) in a row: the
#                                              release is not judged, so the workflow does not roll back; a person does.
# Environment: PROMETHEUS_NAMESPACE (monitoring), PROMETHEUS_SERVICE (prometheus-operated), PROMETHEUS_PORT (9090),
# NAMESPACE and CHECK_SECONDS (180) for check; WATCH_MINUTES, UNREACHABLE_MINUTES and PASS_SECONDS (60, between two
# queries) for watch. Needs kubectl and jq.
set -euo pipefail

mode=${1:?usage: scripts/watch-alerts.sh check|watch}
proxy="/api/v1/namespaces/${PROMETHEUS_NAMESPACE:-monitoring}/services/${PROMETHEUS_SERVICE:-prometheus-operated}:${PROMETHEUS_PORT:-9090}/proxy"

say() { printf 'watch-alerts: %s\n' "$*"; }
verdict() { echo "verdict=$1" >> "${GITHUB_OUTPUT:-/dev/null}"; }

# The single number an instant query gives, or nothing when Prometheus did not answer (three tries, 5 s apart).
scalar() {
  local query attempt answer
  query=$(jq -rn --arg q "$1" '$q | @uri')
  for attempt in 1 2 3; do
    if answer=$(kubectl get --raw "$proxy/api/v1/query?query=$query" 2>/dev/null) \
      && jq -e '.status == "success" and (.data.result | length) == 1' <<<"$answer" >/dev/null 2>&1; then
      jq -r '.data.result[0].value[1]' <<<"$answer"
      return 0
    fi
    [ "$attempt" -eq 3 ] || sleep 5
  done
  return 1
}

firing_alerts() {
  kubectl get --raw "$proxy/api/v1/alerts" 2>/dev/null \
    | jq -r '.data.alerts[]? | select(.state == "firing" and .labels.severity == "page") | .labels.alertname' || true
}

case "$mode" in
  check)
    namespace=${NAMESPACE:?NAMESPACE is needed for check}
    # A slot that just became ready is discovered and scraped within a minute or two.
    deadline=$(( $(date +%s) + ${CHECK_SECONDS:-180} ))
    while :; do
      targets=$(scalar "count(up{job=\"motel-api\",namespace=\"$namespace\"} == 1) or vector(0)") \
        || { say "Prometheus does not answer at $proxy (PROMETHEUS_NAMESPACE, PROMETHEUS_SERVICE?)"; exit 1; }
      [ "$targets" -eq 0 ] || break
      [ "$(date +%s)" -lt "$deadline" ] \
        || { say "Prometheus scrapes no motel-api target in $namespace: is the PodMonitor selected (docs/MONITORING_SETUP.md)?"; exit 1; }
      sleep 15
    done
    say "Prometheus answers and scrapes $targets motel-api target(s) in $namespace"
    ;;
  watch)
    minutes=${WATCH_MINUTES:-60}
    unreachable_limit=${UNREACHABLE_MINUTES:-5}
    unreachable=0
    deadline=$(( $(date +%s) + minutes * 60 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
      if firing=$(scalar 'count(ALERTS{alertstate="firing",severity="page"}) or vector(0)'); then
        unreachable=0
        if [ "$firing" != 0 ]; then
          say "$firing paging alert(s) firing after the switch:"
          firing_alerts
          verdict firing
          exit 1
        fi
      else
        unreachable=$(( unreachable + 1 ))
        say "Prometheus did not answer ($unreachable minute(s) in a row)"
        if [ "$unreachable" -ge "$unreachable_limit" ]; then
          say "Prometheus unreachable for $unreachable minutes: the release is not judged and stays live; a person decides"
          verdict unknown
          exit 1
        fi
      fi
      sleep "${PASS_SECONDS:-60}"
    done
    say "no paging alert for $minutes minutes"
    verdict quiet
    ;;
  *)
    say "unknown mode $mode (check or watch)"
    exit 2
    ;;
esac
