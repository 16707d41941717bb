# Shared by the top-level commands: install what is missing, run TypeScript, stop what we started.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
export NX_DAEMON=false NX_NO_CLOUD=true
# Node runs the services' TypeScript directly; path aliases come from the base tsconfig.
export SWC_NODE_PROJECT="$ROOT/tsconfig.base.json"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_node_deps() {
  command -v node >/dev/null || { echo "Node.js 20 is needed (https://nodejs.org or the distribution's package)." >&2; exit 1; }
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || { echo "Node.js 20 or newer is needed; this is $(node --version)." >&2; exit 1; }
  # Install when node_modules is missing or older than the lockfile; install scripts follow package.json's allowScripts.
  # `npm install` rather than `npm ci`: it installs the locked versions too, and npm 11 writes lockfiles without
  # other platforms' optional packages (e.g. @swc/core-darwin-*), which `npm ci` then refuses (npm/cli#4828, #8805).
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm dependencies"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

# Starts local infrastructure for an instance (GEC_INSTANCE and port variables set by the caller) and exports its URLs.
infra_up() {
  say "starting infrastructure ($GEC_INSTANCE)"
  export_infra_urls "$(bash "$ROOT/deploy/local/infra.sh" up)"
}

# Exports the KAFKA_BROKERS=... lines `infra.sh up` printed, remembering which we set ourselves: to infra.sh, a set
# URL means "external, leave it alone", so stopping our own components must not see them.
OWN_URL_VARS=()
export_infra_urls() {
  local line name
  while IFS= read -r line; do
    [[ "$line" == *=* ]] || continue
    name=${line%%=*}
    [[ -n "${!name:-}" ]] || OWN_URL_VARS+=("$name")
    export "${line?}"
  done <<<"$1"
}

run_ts() {
  node -r @swc-node/register "$@"
}

# Stops (down) or stops and deletes (reset) this instance's infrastructure when the script exits, however it exits.
# npm passes Ctrl-C on to the script as a second signal while the trap runs, so the clean-up ignores INT and TERM
# (an ignored signal stays ignored in the commands it starts).
stop_infra_on_exit() {
  STOP_COMMAND=$1
  trap stop_infra EXIT
  trap 'exit 130' INT TERM
}

stop_infra() {
  trap '' INT TERM
  say "stopping infrastructure ($GEC_INSTANCE)"
  local var
  for var in "${OWN_URL_VARS[@]}"; do unset "$var"; done
  bash "$ROOT/deploy/local/infra.sh" "$STOP_COMMAND" >/dev/null 2>&1 || true
}
