#!/usr/bin/env bash
# npm run bench: measures against real infrastructure started on its own ports, then stops it.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"

ensure_node_deps
export GEC_INSTANCE=bench GEC_KAFKA_PORT=${GEC_BENCH_KAFKA_PORT:-39092} GEC_KAFKA_CONTROLLER_PORT=${GEC_BENCH_KAFKA_CONTROLLER_PORT:-39093}
export GEC_MONGO_PORT=${GEC_BENCH_MONGO_PORT:-37217} GEC_REDIS_PORT=${GEC_BENCH_REDIS_PORT:-36379}
stop_infra_on_exit reset
infra_up
run_ts "${BENCH_SCRIPT:-scripts/bench/latency.bench.ts}"
