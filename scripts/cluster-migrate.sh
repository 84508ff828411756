#!/usr/bin/env bash
# The database migration of a release in the cluster, for .github/workflows/cd-staging.yml and cd-production.yml:
#   1. OVERLAY/common applied: the ServiceAccounts, the ConfigMap motel-config and the ExternalSecret the Job needs
#      (on an environment's first release none of them exists yet);
#   2. the Secret motel-secrets waited for (the External Secrets Operator makes it from the ExternalSecret);
#   3. the last Job motel-db-migrate deleted, OVERLAY/migrate applied: a verified backup to object storage, then
#      motel-admin db migrate;
#   4. the Job waited for until it completes or fails (backoffLimit 0: a failure is final, so it is reported at once,
#      not after the timeout), its log printed either way.
# Usage: scripts/cluster-migrate.sh OVERLAY NAMESPACE   (MIGRATE_TIMEOUT_SECONDS, default 1800; SECRET_TIMEOUT, 5m)
# Needs kubectl 1.31 or later (wait --for=create) and a context allowed to edit NAMESPACE. Exits non-zero when the
# migration failed or timed out: nothing of the new release has started then.
set -euo pipefail

overlay=${1:?usage: scripts/cluster-migrate.sh OVERLAY NAMESPACE}
namespace=${2:?usage: scripts/cluster-migrate.sh OVERLAY NAMESPACE}
timeout=${MIGRATE_TIMEOUT_SECONDS:-1800}
job=job/motel-db-migrate

say() { printf 'cluster-migrate: %s\n' "$*"; }
logs() { kubectl -n "$namespace" logs "$job" --all-containers --tail=200 || true; }

say "shared objects ($overlay/common)"
kubectl apply -k "$overlay/common"
say "waiting for the Secret motel-secrets"
kubectl -n "$namespace" wait --for=create secret/motel-secrets --timeout="${SECRET_TIMEOUT:-5m}"

kubectl -n "$namespace" delete "$job" --ignore-not-found --wait=true
kubectl apply -k "$overlay/migrate"
deadline=$(( $(date +%s) + timeout ))
while :; do
  conditions=$(kubectl -n "$namespace" get "$job" -o 'jsonpath={.status.conditions[?(@.status=="True")].type}')
  case " $conditions " in
    *" Complete "*)
      kubectl -n "$namespace" logs "$job" -c migrate
      say "migrated"
      exit 0 ;;
    *" Failed "*)
      logs
      say "the migration Job failed: nothing of the new release was started"
      exit 1 ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    logs
    say "the migration Job did not finish in ${timeout}s"
    exit 1
  fi
  sleep 10
done
