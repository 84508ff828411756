#!/usr/bin/env bash
# Checks the monitoring files for CI (.ci/run) and before a commit that touches them:
#   - promtool check config: the example scrape configuration (monitoring/prometheus/prometheus.yml) and its rules;
#   - promtool check rules: the recording and alert rules;
#   - promtool test rules: the alerts' unit tests (monitoring/prometheus/alerts.test.yml);
#   - scripts/monitoring-lint.py: every alert has a for:, a severity, a summary, a description, a runbook section in
#     docs/monitoring.md and tests that fire and stay quiet; the Grafana dashboards are JSON whose queries promtool
#     parses; every metric named is one the code publishes (monitoring/metric-names.txt) or a recording rule.
# Installs promtool (Debian's prometheus package) and PyYAML (python3-yaml) when absent (needs root or sudo), as
# scripts/services.sh does PostgreSQL and Redis. On a machine run by systemd, Debian's package also starts a Prometheus
# service on port 9090: `systemctl disable --now prometheus` stops it; promtool is all this script needs.
# Changes nothing in the repository; exits non-zero on the first check that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PROMETHEUS=monitoring/prometheus

say() { printf 'monitoring: %s\n' "$*"; }
fail() { printf 'monitoring: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) to: $*"; fi
}

apt_install() {
  say "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# A Python 3 that has PyYAML: the one on the PATH, else Debian's (a version manager's python3 may lack it).
python_with_yaml() {
  local candidate
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

command -v promtool >/dev/null 2>&1 || apt_install prometheus
command -v promtool >/dev/null 2>&1 || fail "promtool is still missing after installing Debian's prometheus package"
python=$(python_with_yaml) || { apt_install python3 python3-yaml; python=$(python_with_yaml) || fail "no python3 with PyYAML"; }
say "$(promtool --version 2>&1 | head -n 1)"

# Separate lines, not `a && b`: under `set -e` a failure on the left of && would not stop the script.
promtool check config "$PROMETHEUS/prometheus.yml"
promtool check rules "$PROMETHEUS/recording.yml" "$PROMETHEUS/alerts.yml"
promtool test rules "$PROMETHEUS/alerts.test.yml"
"$python" scripts/monitoring-lint.py
say "all checks passed"
