#!/usr/bin/env bash
# Makes sure the local load balancer is installed: Debian's haproxy (the balancer scripts/blue-green-deploy.sh and the
# system tests BlueGreenDeployIT and ReplicasIT put in front of the API) and socat (to talk to its runtime API over its
# admin socket). Installs both from Debian's packages when one is absent (needs root or sudo), as scripts/browser.sh
# does Chromium. Idempotent: with both in place it changes nothing and says which HAProxy it is.
set -euo pipefail

say() { printf 'load-balancer: %s\n' "$*"; }
fail() { printf 'load-balancer: %s\n' "$*" >&2; exit 1; }

if ! command -v haproxy >/dev/null 2>&1 || ! command -v socat >/dev/null 2>&1; then
  say "installing haproxy and socat from Debian's packages"
  "$(dirname "$0")/install-packages.sh" haproxy socat
fi

version=$(haproxy -v 2>/dev/null | grep -oE 'version [0-9]+\.[0-9.]+' | head -n 1 || true)
[ -n "$version" ] || fail "haproxy does not say its version"
say "HAProxy ${version#version } and socat are installed ($(command -v haproxy), $(command -v socat))"
