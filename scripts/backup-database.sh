#!/usr/bin/env bash
# A verified backup of the motel's database, over motel-admin (scripts/motel-admin, or the deployed jar in
# MOTEL_ADMIN_JAR): `backup create`, then `backup verify` of the file just written (checksum, and pg_restore reads it).
# Prints the backup's path as its last line; exit 1 when either step fails (a damaged backup is reported, not kept quiet).
#
#   scripts/backup-database.sh [--dir DIR] [--keep N]
#
# --dir: where backups are kept (default: MOTEL_BACKUP_DIR, else ./backups). --keep N: afterwards delete all but the
# newest N there (`backup prune`). The database is the one the API uses: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD.
# Needs jq and the PostgreSQL client tools (pg_dump, pg_restore).
set -euo pipefail
admin="$(cd "$(dirname "$0")" && pwd)/motel-admin"

dir=${MOTEL_BACKUP_DIR:-backups}
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=${2:?--dir needs a directory}; shift 2 ;;
    --keep) keep=${2:?--keep needs a number}; shift 2 ;;
    *) echo "usage: $0 [--dir DIR] [--keep N]" >&2; exit 2 ;;
  esac
done

say() { printf 'backup-database: %s\n' "$*" >&2; }
command -v jq >/dev/null 2>&1 || { say "needs jq (apt-get install jq) to read motel-admin's --json output"; exit 1; }

created=$("$admin" backup create --dir "$dir" --json)
file=$(jq -r '.file' <<<"$created")
if [ -z "$file" ] || [ "$file" = null ]; then
  say "motel-admin did not name the backup it wrote: $created"
  exit 1
fi
say "written $file ($(jq -r '.size' <<<"$created") bytes, schema version $(jq -r '.schemaVersion' <<<"$created"))"
if ! "$admin" backup verify "$file" >&2; then
  say "the new backup $file does not verify: do not rely on it"
  exit 1
fi
if [ -n "$keep" ]; then
  "$admin" backup prune --keep "$keep" --dir "$dir" >&2
fi
echo "$file"
