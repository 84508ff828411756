#!/usr/bin/env bash
# Installs Debian packages as root (directly, or through sudo), quietly: the one place the scripts that set a machine up
# (scripts/browser.sh, scripts/load-balancer.sh) install what is missing.
#   scripts/install-packages.sh PACKAGE...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 PACKAGE..." >&2; exit 2; }
if [ "$(id -u)" -eq 0 ]; then
  root=(env)
elif command -v sudo >/dev/null 2>&1; then
  root=(sudo env)
else
  echo "install-packages: need root (or sudo) to install $*" >&2
  exit 1
fi
"${root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
