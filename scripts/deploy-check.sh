#!/usr/bin/env bash
# Checks the deployment files offline, for CI (.ci/run) and before a commit that touches them (docs/DEPLOYMENT_GUIDE.md,
# "Checking changes"):
#   - action-validator: every workflow in .github/workflows against GitHub Actions' schema;
#   - node --test deploy/checks: each Kustomize overlay built with `kubectl kustomize` and every object validated
#     against the Kubernetes schemas (kubernetes-models, no unknown field), with the deployment's own invariants
#     (probes on the management port, resources, non-root, nothing secret, the NetworkPolicies, motel-admin's commands);
#     every Terraform file parsed as HCL (@cdktf/hcl2json) and its variables, modules and outputs cross-checked; the
#     Dockerfile's invariants (non-root user, pinned bases, no secret in ENV or ARG, exec-form entry point, heap from
#     the container's memory);
#   - shellcheck: every scripts/*.sh and the image's wrapper.
# No container engine and no Terraform run here: the images are built and scanned by the workflows, and
# `terraform validate`/`plan` run where the cloud credentials are (deploy/terraform/README.md).
# Installs what is missing: shellcheck (Debian's package) and kubectl (the package of that name, where the machine's
# package sources have it; it needs Kustomize v5, built into kubectl 1.27 and later), and the pinned npm packages
# (npm ci in .ci/node). Changes nothing in the repository; exits non-zero on the first check that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'deploy-check: %s\n' "$*"; }
fail() { printf 'deploy-check: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) to: $*"; fi
}

apt_install() {
  say "installing $* from the machine's package sources"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
command -v kubectl >/dev/null 2>&1 || apt_install kubectl
kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
[ "${kustomize_version:-0}" -ge 5 ] || fail "kubectl's Kustomize is v${kustomize_version:-?}; the overlays need v5 (kubectl 1.27 or later)"
command -v node >/dev/null 2>&1 || fail "Node.js 20.19 or later is needed (as for the OpenAPI lint)"

# npm ci only when what is installed differs from the lock (npm ls fails): it empties node_modules first.
npm ls --prefix .ci/node --depth=0 >/dev/null 2>&1 || npm ci --prefix .ci/node --no-audit --no-fund --loglevel=error
bin=.ci/node/node_modules/.bin

say "workflows (action-validator)"
for workflow in .github/workflows/*.yml; do
  "$bin/action-validator" "$workflow" || fail "$workflow is not a valid workflow"
done

say "shell scripts (shellcheck)"
shellcheck scripts/*.sh deploy/docker/motel-admin

say "Kubernetes overlays, Terraform and the Dockerfile (node --test deploy/checks)"
node --test --test-reporter=dot deploy/checks/

say "all checks passed"
