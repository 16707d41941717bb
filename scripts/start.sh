#!/usr/bin/env bash
# npm start: install what is missing, start the local infrastructure and the four services, load demo data,
# and print where to look. Ctrl-C stops the services and the infrastructure (data is kept in .local/dev).
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"

ensure_node_deps
export GEC_INSTANCE=${GEC_INSTANCE:-dev}
stop_infra_on_exit down
infra_up
say "creating topics"
run_ts scripts/create-topics.ts
say "starting services"
run_ts scripts/start-platform.ts
