#!/usr/bin/env bash
# npm run dlq -- list|redrive <topic> ...: inspect a dead-letter topic, or re-drive it after a fix (see scripts/dlq.ts).
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"
ensure_node_deps
run_ts scripts/dlq.ts "$@"
