#!/usr/bin/env bash
# Restores a backup, over motel-admin (scripts/motel-admin, or the deployed jar in MOTEL_ADMIN_JAR): `backup verify`
# first (a damaged file is never restored), then `backup restore` (one transaction: a failed restore leaves the target
# empty, never half-restored).
#
#   scripts/restore-database.sh FILE --target-db NAME [--force]
#
# A new target database is created. --force restores over one that holds data (it is emptied first): stop the API and
# the worker before, and this script then empties the caches (`motel-admin cache evict`: Redis still holds what was
# cached from the data replaced) so that they start on the restored data. Runs without a prompt: the command line is
# the confirmation.
set -euo pipefail
admin="$(cd "$(dirname "$0")" && pwd)/motel-admin"

usage() { echo "usage: $0 FILE --target-db NAME [--force]" >&2; exit 2; }
say() { printf 'restore-database: %s\n' "$*" >&2; }

[ $# -ge 1 ] || usage
file=$1
shift
target=""
force=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target-db) target=${2:?--target-db needs a database name}; shift 2 ;;
    --force) force=(--force); shift ;;
    *) usage ;;
  esac
done
[ -n "$target" ] || usage

if ! "$admin" backup verify "$file"; then
  say "$file does not verify: nothing restored"
  exit 1
fi
started=$(date +%s%3N)
"$admin" backup restore "$file" --target-db "$target" --yes "${force[@]}"
say "restored into $target in $(($(date +%s%3N) - started)) ms"
if [ ${#force[@]} -gt 0 ]; then
  "$admin" cache evict
fi
