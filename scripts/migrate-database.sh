#!/usr/bin/env bash
# Migrates the motel's database to the schema of the motel-admin it runs (scripts/motel-admin, or the deployed jar in
# MOTEL_ADMIN_JAR, which must be the release being rolled out): a verified backup first (scripts/backup-database.sh),
# then `motel-admin db migrate` (Flyway; every migration in its own transaction). A database with no schema yet has
# nothing to back up: it is migrated straight away. Stops at the first failure; nothing is
# migrated without a backup that verified. On a failed migration it says how to restore the backup.
#
#   scripts/migrate-database.sh [--dir DIR]
#
# --dir: where the backup goes (default: MOTEL_BACKUP_DIR, else ./backups). The database: SPRING_DATASOURCE_URL, ...
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"
admin="$scripts/motel-admin"

say() { printf 'migrate-database: %s\n' "$*" >&2; }

dir=${MOTEL_BACKUP_DIR:-backups}
case "${1:-}" in
  --dir) dir=${2:?--dir needs a directory} ;;
  "") ;;
  *) echo "usage: $0 [--dir DIR]" >&2; exit 2 ;;
esac

before=$("$admin" db info)
printf '%s\n' "$before" >&2
if grep -q '^Schema version: *none' <<<"$before"; then
  # A new, empty database: nothing to lose, and pg_restore rightly finds nothing in a backup of it.
  backup=""
  say "no schema yet: nothing to back up; migrating"
elif ! backup=$("$scripts/backup-database.sh" --dir "$dir"); then
  say "no verified backup: nothing migrated"
  exit 1
else
  say "verified backup $backup; migrating"
fi
if ! "$admin" db migrate; then
  if [ -n "$backup" ]; then
    say "the migration failed. The backup taken just before it: $backup"
    say "to return to it, stop the API and the worker, then: scripts/restore-database.sh $backup --target-db DATABASE --force"
  else
    say "the migration of the empty database failed"
  fi
  exit 1
fi
"$admin" db info >&2
