# Redis from Debian's redis-server package, run by us on our own port
# (never the system service, which apt may start on 6379).
# shellcheck shell=bash

REDIS_DATA="$INSTANCE_DIR/redis"
REDIS_LOG="$LOG_DIR/redis.log"

redis_port() { echo "$REDIS_PORT"; }
redis_url() { echo "redis://127.0.0.1:$REDIS_PORT"; }
redis_data_dir() { echo "$REDIS_DATA"; }
redis_logs() { echo "$REDIS_LOG"; }

redis_install() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    die "redis-server is not installed and apt-get is not available; install Redis 7 with your package manager (it must put redis-server on PATH)"
  fi
  log "  redis: installing redis-server with apt-get"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y)
  # The package lists may be missing or stale on a fresh machine; update only then.
  if ! as_root "${apt[@]}" install redis-server >&2; then
    as_root "${apt[@]}" update >&2 || die "apt-get update failed"
    as_root "${apt[@]}" install redis-server >&2 || die "apt-get install redis-server failed"
  fi
  command -v redis-server >/dev/null 2>&1 || die "redis-server still not on PATH after apt-get install"
}

redis_check_ports() {
  require_free_port "$REDIS_PORT" GEC_REDIS_PORT
}

redis_start() {
  mkdir -p "$REDIS_DATA"
  start_process redis "$REDIS_LOG" \
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DATA" \
    --appendonly yes --daemonize no
}
