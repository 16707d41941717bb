# Shared helpers for infra.sh. Sourced, not run.
# shellcheck shell=bash

log() { printf '%s\n' "$*" >&2; }
die() { printf 'infra: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for '$*' and sudo is not installed; run it as root once"
  fi
}

require_java_and_maven() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=("java (JDK 17+; Debian: apt-get install -y openjdk-17-jdk-headless)")
  command -v mvn >/dev/null 2>&1 || missing+=("mvn (Maven 3.8+; Debian: apt-get install -y maven)")
  if ((${#missing[@]})); then
    log "infra: Kafka and the Mongo stand-in run on Java and are fetched with Maven; missing:"
    local m
    for m in "${missing[@]}"; do log "  - $m"; done
    exit 1
  fi
}

require_node_modules() {
  command -v node >/dev/null 2>&1 || die "node is not installed (Node 20+ is needed for the readiness probes)"
  local pkg
  for pkg in kafkajs mongoose ioredis; do
    [[ -d "$REPO_ROOT/node_modules/$pkg" ]] || die "node_modules/$pkg is missing: run npm install first (in $REPO_ROOT)"
  done
}

# maven_fetch <pom> <dest dir>: copies the pom's runtime jars into <dest dir>.
# A stamp holding the pom's checksum marks a complete download; a changed pom
# means a fresh download.
maven_fetch() {
  local pom=$1 dest=$2 sum
  sum=$(sha256sum "$pom" | cut -d' ' -f1)
  maven_fetched "$dest" "$sum" && return 0
  # Lock the cache so two instances installing at once do not write the same
  # folder. The lock is released before any server starts: they would inherit it.
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/.lock"
  flock 9
  maven_fetched "$dest" "$sum" || maven_download "$pom" "$dest" "$sum"
  exec 9>&-
}

maven_fetched() {
  [[ -f "$1/.complete" && $(<"$1/.complete") == "$2" ]]
}

maven_download() {
  local pom=$1 dest=$2 sum=$3
  require_java_and_maven
  log "  fetching jars for $(basename "$dest") with Maven (first time takes ~20 s)"
  local tmp="$dest.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    tail -n 30 "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "Maven could not fetch the jars of $pom"
  fi
  rm -f "$tmp.log"
  echo "$sum" >"$tmp/.complete"
  rm -rf "$dest"
  mv "$tmp" "$dest"
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# True while the process exists and is not a zombie (an init that does not
# reap, as in some containers, would otherwise keep a dead pid "alive").
is_alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1) || return 1
  [[ "$state" != Z ]]
}

# Prints the pid of the component when it is running for this instance.
# Processes are started with their working directory inside the instance
# dir, which tells them apart from a recycled pid (redis-server rewrites its
# command line, so that cannot be used). A stale pid file is removed.
running_pid() {
  local comp=$1 file pid cwd
  file=$(pid_file "$comp")
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  if [[ "$pid" =~ ^[0-9]+$ ]] && is_alive "$pid"; then
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
    if [[ "$cwd" == "$INSTANCE_DIR" || "$cwd" == "$INSTANCE_DIR"/* ]]; then
      echo "$pid"
      return 0
    fi
  fi
  rm -f "$file"
  return 1
}

port_in_use() {
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

require_free_port() {
  local port=$1 var=$2
  if port_in_use "$port"; then
    die "port $port is already in use on 127.0.0.1; stop what uses it or choose another port with $var=<port>"
  fi
}

# start_process <comp> <log file> <command...>
# Runs the command in its own session (so closing the terminal or Ctrl-C in
# it does not reach it), appending its output to the log file. The child
# writes its own pid before exec, so the pid file names the real process.
start_process() {
  local comp=$1 logfile=$2
  shift 2
  local file
  file=$(pid_file "$comp")
  rm -f "$file"
  {
    echo
    echo "=== $(date -Is) starting $comp: $*"
  } >>"$logfile"
  (cd "$INSTANCE_DIR" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$file" "$@" >>"$logfile" 2>&1 </dev/null) &
  local i
  for i in $(seq 50); do
    [[ -s "$file" ]] && return 0
    sleep 0.1
  done
  die "$comp did not start (no pid file); see $logfile"
}

# stop_process <comp>: SIGTERM, then SIGKILL if still alive after the grace period.
stop_process() {
  local comp=$1 pid waited=0
  if ! pid=$(running_pid "$comp"); then
    log "$comp: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while is_alive "$pid"; do
    if ((waited >= STOP_TIMEOUT * 10)); then
      log "$comp: still running after ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  # Wait for the kernel to reap it so its ports are free when we return.
  while is_alive "$pid"; do sleep 0.1; done
  rm -f "$(pid_file "$comp")"
  log "$comp: stopped (pid $pid, $((waited / 10)).$((waited % 10))s)"
}

# wait_ready <comp> <url> <pid or ""> [log files...]
# Runs the real readiness probe; on failure shows the end of the logs.
wait_ready() {
  local comp=$1 url=$2 pid=$3 started=$SECONDS
  shift 3
  if node "$SCRIPT_DIR/wait-ready.js" "$comp" "$url" "$((READY_TIMEOUT * 1000))" $pid; then
    log "$comp: ready at $url ($((SECONDS - started))s)"
    return 0
  fi
  local f
  for f in "$@"; do
    [[ -f "$f" ]] || continue
    log "----- last lines of $f -----"
    tail -n 40 "$f" >&2
  done
  return 1
}
