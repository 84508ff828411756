#!/usr/bin/env bash
# Makes sure the browser tests (bootstrap-api, package ...bootstrap.api.site) find their browser: Debian's chromium and
# chromium-driver (the ChromeDriver built from the same Chromium), at /usr/bin/chromium and /usr/bin/chromedriver,
# where the tests look for them (SiteBrowser). Installs both from Debian's packages when one is absent (needs root or
# sudo), as scripts/services.sh does PostgreSQL and Redis. The tests never download a browser or a driver.
# Idempotent: with both in place it changes nothing and says which versions they are.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

say() { printf 'browser: %s\n' "$*"; }
fail() { printf 'browser: %s\n' "$*" >&2; exit 1; }

# The major version a --version line names: "Chromium 156.0.8078.114 built on ..." -> 156.
major_version() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -n 1 | cut -d . -f 1; }

if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  say "installing chromium and chromium-driver from Debian's packages"
  "$(dirname "$0")/install-packages.sh" chromium chromium-driver
fi

browser=$(major_version "$CHROMIUM")
driver=$(major_version "$CHROMEDRIVER")
[ -n "$browser" ] || fail "$CHROMIUM does not say its version"
[ "$browser" = "$driver" ] || fail "$CHROMIUM is version $browser but $CHROMEDRIVER is for $driver: upgrade both (apt-get install chromium chromium-driver)"
say "Chromium $browser and its ChromeDriver are installed ($CHROMIUM, $CHROMEDRIVER)"
