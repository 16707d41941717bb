#!/usr/bin/env bash
# npm run token -- <role> <id>: a development bearer token the locally started services accept.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$ROOT"
ensure_node_deps
run_ts scripts/auth/dev-token.ts "$@"
