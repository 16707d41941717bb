#!/usr/bin/env bash
# Local infrastructure for development and tests: Kafka, a MongoDB stand-in and Redis,
# run as plain processes of this user (no Docker, no system services).
#
#   deploy/local/infra.sh <install|up|down|status|reset> [kafka|mongo|redis ...]
#
# With no component named, the command applies to all three.
#   install  fetch/install what is missing (Maven jars into the cache, redis-server via apt-get)
#   up       install if needed, start what is not running, wait until each really works,
#            then print KAFKA_BROKERS=, MONGO_URL=, REDIS_URL= lines on stdout
#   down     stop (SIGTERM, SIGKILL after GEC_STOP_TIMEOUT seconds)
#   status   one line per component
#   reset    down, then delete the instance's data
# Progress goes to stderr, so `eval "$(deploy/local/infra.sh up)"` picks up the URLs.
#
# Environment:
#   GEC_LOCAL_DIR              root of local state (default <repo>/.local, git-ignored);
#                              jars are cached in $GEC_LOCAL_DIR/cache
#   GEC_INSTANCE               instance name (default dev; tests use test); its data, logs
#                              and pid files live in $GEC_LOCAL_DIR/<instance>/{kafka,mongo,redis,logs,run}
#   GEC_KAFKA_PORT             Kafka client port (default 19092)
#   GEC_KAFKA_CONTROLLER_PORT  Kafka KRaft controller port (default 19093)
#   GEC_MONGO_PORT             MongoDB wire protocol port (default 27117)
#   GEC_REDIS_PORT             Redis port (default 16379)
#   GEC_READY_TIMEOUT          seconds `up` waits for each component (default 60)
#   GEC_STOP_TIMEOUT           seconds `down` waits before SIGKILL (default 15)
#   KAFKA_BROKERS, MONGO_URL, REDIS_URL
#                              when set, that component is external: up/down leave it
#                              alone, and up only checks that it is reachable
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd -P)

GEC_INSTANCE=${GEC_INSTANCE:-dev}
[[ "$GEC_INSTANCE" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "infra: GEC_INSTANCE must be letters, digits, _ or -" >&2; exit 1; }
# Canonical paths: running_pid compares them with /proc/<pid>/cwd.
LOCAL_DIR=$(realpath -m "${GEC_LOCAL_DIR:-$REPO_ROOT/.local}")
CACHE_DIR="$LOCAL_DIR/cache"
INSTANCE_DIR="$LOCAL_DIR/$GEC_INSTANCE"
LOG_DIR="$INSTANCE_DIR/logs"
RUN_DIR="$INSTANCE_DIR/run"

KAFKA_PORT=${GEC_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${GEC_KAFKA_CONTROLLER_PORT:-19093}
MONGO_PORT=${GEC_MONGO_PORT:-27117}
REDIS_PORT=${GEC_REDIS_PORT:-16379}
READY_TIMEOUT=${GEC_READY_TIMEOUT:-60}
STOP_TIMEOUT=${GEC_STOP_TIMEOUT:-15}

ALL_COMPONENTS=(kafka mongo redis)

# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/kafka.sh
source "$SCRIPT_DIR/lib/kafka.sh"
# shellcheck source=lib/mongo.sh
source "$SCRIPT_DIR/lib/mongo.sh"
# shellcheck source=lib/redis.sh
source "$SCRIPT_DIR/lib/redis.sh"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

# The URL of an external component, or nothing when we run it ourselves.
external_url() {
  case $1 in
    kafka) echo "${KAFKA_BROKERS:-}" ;;
    mongo) echo "${MONGO_URL:-}" ;;
    redis) echo "${REDIS_URL:-}" ;;
  esac
}

url_of() {
  local ext
  ext=$(external_url "$1")
  if [[ -n "$ext" ]]; then echo "$ext"; else "$1_url"; fi
}

env_line() {
  case $1 in
    kafka) echo "KAFKA_BROKERS=$(url_of kafka)" ;;
    mongo) echo "MONGO_URL=$(url_of mongo)" ;;
    redis) echo "REDIS_URL=$(url_of redis)" ;;
  esac
}

local_components() {
  local comp
  for comp in "${COMPONENTS[@]}"; do
    [[ -n "$(external_url "$comp")" ]] || echo "$comp"
  done
}

cmd_install() {
  local comp
  for comp in $(local_components); do
    "${comp}_install"
  done
  log "installed: $(local_components | xargs)"
}

cmd_up() {
  require_node_modules
  local comp pid started=() failed=()
  for comp in $(local_components); do
    "${comp}_install"
  done
  mkdir -p "$LOG_DIR" "$RUN_DIR"

  # Check every port before starting anything, so a clash leaves nothing half-started.
  for comp in $(local_components); do
    running_pid "$comp" >/dev/null || "${comp}_check_ports"
  done
  for comp in "${COMPONENTS[@]}"; do
    if [[ -n "$(external_url "$comp")" ]]; then
      log "$comp: external at $(external_url "$comp")"
    elif pid=$(running_pid "$comp"); then
      log "$comp: already running (pid $pid)"
    else
      "${comp}_start"
      started+=("$comp")
      log "$comp: started (pid $(running_pid "$comp" || echo '?'))"
    fi
  done

  for comp in "${COMPONENTS[@]}"; do
    if [[ -n "$(external_url "$comp")" ]]; then
      wait_ready "$comp" "$(url_of "$comp")" "" || failed+=("$comp")
    else
      pid=$(running_pid "$comp" || true)
      # shellcheck disable=SC2046 # the log list is space-separated on purpose
      if ! wait_ready "$comp" "$(url_of "$comp")" "$pid" $("${comp}_logs"); then
        failed+=("$comp")
        stop_process "$comp"
      fi
    fi
  done
  if ((${#failed[@]})); then
    die "not ready: ${failed[*]} (data and logs in $INSTANCE_DIR)"
  fi
  for comp in "${COMPONENTS[@]}"; do
    env_line "$comp"
  done
}

cmd_down() {
  local comp
  for comp in "${COMPONENTS[@]}"; do
    if [[ -n "$(external_url "$comp")" ]]; then
      log "$comp: external at $(external_url "$comp"), left alone"
    else
      stop_process "$comp"
    fi
  done
}

cmd_status() {
  local comp pid
  for comp in "${COMPONENTS[@]}"; do
    if [[ -n "$(external_url "$comp")" ]]; then
      printf '%-6s external  %s\n' "$comp" "$(external_url "$comp")"
    elif pid=$(running_pid "$comp"); then
      printf '%-6s running   pid=%-8s port=%-6s data=%s\n' "$comp" "$pid" "$("${comp}_port")" "$("${comp}_data_dir")"
    else
      printf '%-6s stopped   pid=%-8s port=%-6s data=%s\n' "$comp" "-" "$("${comp}_port")" "$("${comp}_data_dir")"
    fi
  done
}

cmd_reset() {
  local comp
  for comp in "${COMPONENTS[@]}"; do
    # Even when the component is now external, a local process of this
    # instance may still be using the data about to be deleted.
    stop_process "$comp"
    rm -rf "$("${comp}_data_dir")"
    log "$comp: data deleted"
  done
  if ((${#COMPONENTS[@]} == ${#ALL_COMPONENTS[@]})); then
    rm -rf "$INSTANCE_DIR"
    log "deleted $INSTANCE_DIR"
  fi
}

main() {
  (($# >= 1)) || usage
  local command=$1
  shift
  COMPONENTS=()
  local comp
  for comp in "$@"; do
    case $comp in
      kafka | mongo | redis) [[ " ${COMPONENTS[*]} " == *" $comp "* ]] || COMPONENTS+=("$comp") ;;
      *) die "unknown component '$comp' (expected kafka, mongo or redis)" ;;
    esac
  done
  ((${#COMPONENTS[@]})) || COMPONENTS=("${ALL_COMPONENTS[@]}")

  case $command in
    install) cmd_install ;;
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    -h | --help | help) usage ;;
    *) log "infra: unknown command '$command'"; usage ;;
  esac
}

main "$@"
