#!/usr/bin/env bash
# npm run bench: measures against real infrastructure started on its own ports, then stops it.
# Prints one table (raw Kafka, pipeline at offered rates, database round trips, eligibility read path, re-rating, ratios)
# and writes .local/bench-results/bench-<time>.json. Knobs: BENCH_RATES (10,50,100,200), BENCH_SECONDS (15),
# BENCH_STEP_TIMEOUT_SECONDS (60), BENCH_HTTP_SECONDS (10), BENCH_KAFKA_MESSAGES (200000); GEC_BENCH_INSTANCE and
# GEC_BENCH_*_PORT choose the infrastructure's instance name and ports.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"

ensure_node_deps
export GEC_INSTANCE=${GEC_BENCH_INSTANCE:-bench} GEC_KAFKA_PORT=${GEC_BENCH_KAFKA_PORT:-39092} GEC_KAFKA_CONTROLLER_PORT=${GEC_BENCH_KAFKA_CONTROLLER_PORT:-39093}
export GEC_MONGO_PORT=${GEC_BENCH_MONGO_PORT:-37217} GEC_REDIS_PORT=${GEC_BENCH_REDIS_PORT:-36379}
stop_infra_on_exit reset
infra_up
# `npm run bench:rerate` runs only the re-rating section (BENCH_RERATE_N enterprises); `npm run bench:read` only the
# eligibility read path, with finance's CPU and database reads per request; `npm run bench:import` only the bulk import
# of BENCH_IMPORT_ROWS (10000) rows.
case "${1:-}" in
  rerate) run_ts scripts/bench/rerate-only.ts ;;
  import) run_ts scripts/bench/import-only.ts ;;
  read) run_ts scripts/bench/read-path-alone.ts ;;
  *) run_ts scripts/bench/run-bench.ts ;;
esac
