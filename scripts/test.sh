#!/usr/bin/env bash
# npm test: install what is missing, start real Kafka, MongoDB stand-in and Redis on test ports,
# run lint, type checks, unit tests, the Kubernetes manifests' validation, integration, end-to-end and fault tests,
# and stop everything afterwards.
# npm run test:faults (`scripts/test.sh faults`): the same infrastructure, only the fault tests.
set -euo pipefail
MODE=${1:-all}
[[ "$MODE" == all || "$MODE" == faults ]] || { echo "usage: scripts/test.sh [faults]" >&2; exit 2; }
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"

ensure_node_deps

export GEC_INSTANCE=${GEC_TEST_INSTANCE:-test}
export GEC_KAFKA_PORT=${GEC_TEST_KAFKA_PORT:-29092} GEC_KAFKA_CONTROLLER_PORT=${GEC_TEST_KAFKA_CONTROLLER_PORT:-29093}
export GEC_MONGO_PORT=${GEC_TEST_MONGO_PORT:-27217} GEC_REDIS_PORT=${GEC_TEST_REDIS_PORT:-26379}
# Whatever happens, nothing we started keeps running and the test data goes.
stop_infra_on_exit reset

# Infrastructure starts while lint and unit tests run.
infra_log="$ROOT/.local/infra-$GEC_INSTANCE.log"
mkdir -p "$ROOT/.local"
(bash deploy/local/infra.sh up >"$infra_log.urls" 2>"$infra_log") &
infra_pid=$!
# schemathesis (PyPI) for the adversarial e2e test, into .local/venv on the first run.
if [[ "$MODE" == all ]]; then
  (bash scripts/ensure-python-tool.sh schemathesis >/dev/null 2>"$ROOT/.local/schemathesis-install.log") &
  schemathesis_pid=$!
fi

if [[ "$MODE" == all ]]; then
  say "lint, type checks and unit tests"
  npx nx run-many -t lint typecheck test --output-style=static
fi

say "waiting for infrastructure"
if ! wait "$infra_pid"; then cat "$infra_log" >&2; exit 1; fi
export_infra_urls "$(cat "$infra_log.urls")"

if [[ "$MODE" == all ]]; then
  if ! wait "$schemathesis_pid"; then cat "$ROOT/.local/schemathesis-install.log" >&2; exit 1; fi
  # Every overlay rendered and every resource checked against the Kubernetes schemas (kubernetes-validate, PyPI,
  # installed into the same .local/venv, so only once schemathesis' install is done).
  say "Kubernetes manifests"
  bash scripts/validate-k8s.sh
  say "integration and end-to-end tests"
  npx jest -c jest.integration.config.js --ci
fi

# Last, and alone: they kill -9 the services, the broker, the database and Redis of this instance under load.
say "fault tests"
npx jest -c jest.faults.config.js --ci
