#!/usr/bin/env bash
# Runs the cluster topology as local processes (no Docker needed):
# PostgreSQL + migrator + two silos + one API.
#
#   scripts/cluster.sh [start]              start, wait until ready, run until Ctrl-C
#   scripts/cluster.sh start --detach       start, wait until ready, leave it running
#   scripts/cluster.sh start --no-build     skip `dotnet build` (use existing binaries)
#   scripts/cluster.sh stop                 stop a cluster started earlier
#   scripts/cluster.sh status               show what is running
#
# Environment:
#   QPP_CLUSTER_DIR  state, PostgreSQL data and logs   (default: <repo>/.cluster)
#   QPP_PG_PORT      PostgreSQL port on 127.0.0.1      (default: 55432)
#   QPP_API_PORT     API port on 127.0.0.1             (default: 8080)
#   QPP_SILO_PORT    first silo's silo port; the second's is one more (default: 11111)
#   QPP_GATEWAY_PORT first silo's gateway port; the second's is one more (default: 30000)
#   QPP_READY_TIMEOUT seconds to wait for /health/ready (default: 120)
#   QPP_STOP_TIMEOUT  seconds to wait for graceful stop (default: 60)
#
# PostgreSQL data survives restarts (it is kept in $QPP_CLUSTER_DIR/pg).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=lib/postgres.sh source-path=SCRIPTDIR
source "$ROOT/scripts/lib/postgres.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

CLUSTER_DIR="${QPP_CLUSTER_DIR:-$ROOT/.cluster}"
PG_CLUSTER_PORT="${QPP_PG_PORT:-55432}"
API_PORT="${QPP_API_PORT:-8080}"
SILO_PORT="${QPP_SILO_PORT:-11111}"
GATEWAY_PORT="${QPP_GATEWAY_PORT:-30000}"
READY_TIMEOUT="${QPP_READY_TIMEOUT:-120}"
STOP_TIMEOUT="${QPP_STOP_TIMEOUT:-60}"

SILO_DLL="$ROOT/src/Silo/bin/Release/net10.0/QppOrleans.Silo.dll"
API_DLL="$ROOT/src/Api/bin/Release/net10.0/QppOrleans.Api.dll"
SILO_DIR="$(dirname "$SILO_DLL")"
API_DIR="$(dirname "$API_DLL")"

# Order matters for shutdown: the API goes first, then the silos.
PROCS=(api silo1 silo2)

log() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

proc_dll() {
  case "$1" in
    api) printf '%s' "QppOrleans.Api.dll" ;;
    *) printf '%s' "QppOrleans.Silo.dll" ;;
  esac
}

# PIDs launched by this invocation (name -> pid).
declare -A LAUNCHED=()

# True when PID is a live (non-zombie) process.
proc_running() {
  local pid="$1" stat
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != "Z" ]]
}

# True when PID is a live process of ours for NAME. PIDs read from files left by
# an earlier invocation must also run our DLL (guards against reused PIDs);
# processes launched by this invocation are trusted (their command line is
# briefly unreadable while setsid/env exec into dotnet).
proc_alive() {
  local name="$1" pid="$2" cmdline
  proc_running "$pid" || return 1
  [[ "${LAUNCHED[$name]:-}" == "$pid" ]] && return 0
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$(proc_dll "$name")"* ]]
}

read_pid() {
  local f="$CLUSTER_DIR/$1.pid"
  if [[ -f "$f" ]]; then cat "$f"; fi
}

any_proc_alive() {
  local name
  for name in "${PROCS[@]}"; do
    proc_alive "$name" "$(read_pid "$name")" && return 0
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Succeeds when GET http://127.0.0.1:$API_PORT$1 answers 200.
http_ok() {
  local path="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$API_PORT$path" 2>/dev/null
    return
  fi
  # Fallback without curl: minimal HTTP/1.0 request over bash's /dev/tcp.
  (
    exec 3<>"/dev/tcp/127.0.0.1/$API_PORT" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$API_PORT" >&3
    IFS= read -r -t 5 status_line <&3 || exit 1
    [[ "$status_line" =~ ^HTTP/[0-9.]+\ 200([[:space:]]|$) ]]
  ) 2>/dev/null
}

print_log_tails() {
  local name
  for name in migrate "${PROCS[@]}"; do
    if [[ -f "$CLUSTER_DIR/$name.log" ]]; then
      printf '\n----- %s (last 40 lines of %s) -----\n' "$name" "$CLUSTER_DIR/$name.log" >&2
      tail -n 40 "$CLUSTER_DIR/$name.log" >&2 || true
    fi
  done
  if [[ -f "$CLUSTER_DIR/pg/server.log" ]]; then
    printf '\n----- postgres (last 20 lines of %s) -----\n' "$CLUSTER_DIR/pg/server.log" >&2
    tail -n 20 "$CLUSTER_DIR/pg/server.log" >&2 || true
  fi
}

# Gracefully stops the .NET processes (SIGTERM, then SIGKILL after
# $STOP_TIMEOUT seconds) and then PostgreSQL.
stop_all() {
  local name pid deadline pending
  for name in "${PROCS[@]}"; do
    pid="$(read_pid "$name")"
    if proc_alive "$name" "$pid"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      if [[ "$name" == api ]]; then
        # Let the API drain before the silos go away.
        deadline=$(( SECONDS + 15 ))
        while proc_alive api "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
      fi
    fi
  done

  deadline=$(( SECONDS + STOP_TIMEOUT ))
  while :; do
    pending=()
    for name in "${PROCS[@]}"; do
      pid="$(read_pid "$name")"
      proc_alive "$name" "$pid" && pending+=("$name:$pid")
    done
    (( ${#pending[@]} == 0 )) && break
    if (( SECONDS >= deadline )); then
      log "graceful stop timed out after ${STOP_TIMEOUT}s; killing ${pending[*]}"
      for name in "${pending[@]}"; do kill -KILL "${name#*:}" 2>/dev/null || true; done
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  # Reap our own children (no-op for processes started by another invocation).
  wait 2>/dev/null || true

  for name in "${PROCS[@]}"; do rm -f "$CLUSTER_DIR/$name.pid"; done

  if [[ -f "$CLUSTER_DIR/pg/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    pg_stop "$CLUSTER_DIR/pg"
  fi
}

# launch NAME WORKDIR CMD... — start CMD in WORKDIR in the background, in its
# own session (so a Ctrl-C or a closed terminal does not hit it directly),
# logging to NAME.log. WORKDIR matters: ASP.NET Core uses the current directory
# as its content root (appsettings.json is looked up there).
launch() {
  local name="$1" workdir="$2"; shift 2
  local -a runner=()
  if command -v setsid >/dev/null 2>&1; then
    runner=(setsid)
  else
    runner=(nohup)
  fi
  (
    cd "$workdir"
    exec "${runner[@]}" "$@" >"$CLUSTER_DIR/$name.log" 2>&1 </dev/null
  ) &
  LAUNCHED[$name]=$!
  printf '%s\n' "$!" >"$CLUSTER_DIR/$name.pid"
  log "started $name (pid $!, log $CLUSTER_DIR/$name.log)"
}

cmd_status() {
  local name pid any=1
  for name in "${PROCS[@]}"; do
    pid="$(read_pid "$name")"
    if proc_alive "$name" "$pid"; then
      printf '%-8s running (pid %s)\n' "$name" "$pid"; any=0
    else
      printf '%-8s not running\n' "$name"
    fi
  done
  if [[ -f "$CLUSTER_DIR/pg/postmaster.pid" ]]; then
    printf '%-8s running (data %s)\n' postgres "$CLUSTER_DIR/pg"; any=0
  else
    printf '%-8s not running\n' postgres
  fi
  if [[ -f "$CLUSTER_DIR/api.port" ]] && proc_alive api "$(read_pid api)"; then
    printf 'API: http://127.0.0.1:%s\n' "$(cat "$CLUSTER_DIR/api.port")"
  fi
  return "$any"
}

cmd_stop() {
  if [[ ! -d "$CLUSTER_DIR" ]]; then
    log "nothing to stop ($CLUSTER_DIR does not exist)"
    return 0
  fi
  if ! any_proc_alive && [[ ! -f "$CLUSTER_DIR/pg/postmaster.pid" ]]; then
    log "no cluster is running from $CLUSTER_DIR"
    for name in "${PROCS[@]}"; do rm -f "$CLUSTER_DIR/$name.pid"; done
    return 0
  fi
  stop_all
  log "cluster stopped"
}

CLEANUP_ON_EXIT=0
STOP_REQUESTED=0
READY=0

on_exit() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM HUP
  if (( CLEANUP_ON_EXIT )); then
    stop_all || true
    # Ctrl-C / SIGTERM on a running cluster is the normal way to stop it.
    if (( STOP_REQUESTED && READY )); then rc=0; fi
    log "cluster stopped"
  fi
  exit "$rc"
}

on_signal() {
  STOP_REQUESTED=1
  echo
  log "shutting down"
  exit 130
}

cmd_start() {
  local detach=0 build=1 arg
  for arg in "$@"; do
    case "$arg" in
      --detach|-d) detach=1 ;;
      --no-build) build=0 ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option for start: $arg (see scripts/cluster.sh --help)" ;;
    esac
  done

  [[ "$PG_CLUSTER_PORT" =~ ^[0-9]+$ ]] || die "QPP_PG_PORT must be a number"
  [[ "$API_PORT" =~ ^[0-9]+$ ]] || die "QPP_API_PORT must be a number"
  [[ "$SILO_PORT" =~ ^[0-9]+$ ]] || die "QPP_SILO_PORT must be a number"
  [[ "$GATEWAY_PORT" =~ ^[0-9]+$ ]] || die "QPP_GATEWAY_PORT must be a number"

  mkdir -p "$CLUSTER_DIR"
  CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd -P)"
  # PostgreSQL runs as the 'postgres' user when we are root; it must be able
  # to traverse the cluster dir to reach its data directory.
  if [[ "$(id -u)" -eq 0 ]]; then chmod o+x "$CLUSTER_DIR"; fi

  if any_proc_alive; then
    die "a cluster is already running from $CLUSTER_DIR (scripts/cluster.sh stop)"
  fi

  local port
  for port in "$API_PORT" "$SILO_PORT" $(( SILO_PORT + 1 )) "$GATEWAY_PORT" $(( GATEWAY_PORT + 1 )); do
    if port_in_use "$port"; then
      die "port $port on 127.0.0.1 is already in use (silos use QPP_SILO_PORT=$SILO_PORT and QPP_GATEWAY_PORT=$GATEWAY_PORT and the next ports, the API uses QPP_API_PORT=$API_PORT)"
    fi
  done

  command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (install the .NET 10 SDK)"
  command -v curl >/dev/null 2>&1 || log "curl not found; using bash /dev/tcp for health checks"

  trap on_exit EXIT
  trap on_signal INT TERM HUP
  CLEANUP_ON_EXIT=1

  pg_ensure_installed
  # A server left over from an interrupted run is restarted cleanly.
  pg_stop "$CLUSTER_DIR/pg"
  PG_FAST=0 pg_start_throwaway "$CLUSTER_DIR/pg" "$PG_CLUSTER_PORT"
  log "ensuring database 'qpp' exists"
  pg_create_database qpp

  if (( build )); then
    log "dotnet build $ROOT/QppOrleans.sln -c Release"
    dotnet build "$ROOT/QppOrleans.sln" -c Release </dev/null
  fi
  [[ -f "$SILO_DLL" ]] || die "$SILO_DLL not found (build failed or was skipped?)"
  [[ -f "$API_DLL" ]] || die "$API_DLL not found (build failed or was skipped?)"

  export ConnectionStrings__Orleans="Host=127.0.0.1;Port=$PG_CLUSTER_PORT;Username=postgres;Database=qpp"
  export Orleans__ClusterId=qpp
  export Orleans__ServiceId=qpp-access
  # QPP_ENVIRONMENT=Development gives the demo year, the mail sink and /api/dev/messages
  # (what the benchmark signs in with); the default is Production.
  export DOTNET_ENVIRONMENT="${QPP_ENVIRONMENT:-Production}"
  export ASPNETCORE_ENVIRONMENT="${QPP_ENVIRONMENT:-Production}"
  # Tokens are signed with QPP_SIGNING_KEY, or with a random key kept in the cluster directory
  # so that tokens survive a restart of the cluster. Email:* settings pass through the
  # environment (e.g. Email__Smtp__Host, Email__Smtp__Port).
  if [[ -z "${QPP_SIGNING_KEY:-}" ]]; then
    if [[ ! -s "$CLUSTER_DIR/signing.key" ]]; then
      (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$CLUSTER_DIR/signing.key")
    fi
    QPP_SIGNING_KEY="$(cat "$CLUSTER_DIR/signing.key")"
  fi
  export Auth__SigningKey="$QPP_SIGNING_KEY"

  # Mutual TLS between the silos and the API: a self-signed certificate made once and kept in the
  # cluster directory (QPP_CERTIFICATE to use one of your own, a PKCS#12 file without password).
  local certificate="${QPP_CERTIFICATE:-$CLUSTER_DIR/cluster.pfx}"
  if [[ ! -s "$certificate" ]]; then
    log "generating a cluster certificate $certificate"
    (cd "$SILO_DIR" && dotnet "$SILO_DLL" generate-certificate --out "$certificate" </dev/null) >/dev/null \
      || die "could not generate the cluster certificate"
  fi
  export Orleans__Tls__CertificatePath="$certificate"

  log "running migrator (log $CLUSTER_DIR/migrate.log)"
  if ! (cd "$SILO_DIR" && dotnet "$SILO_DLL" migrate </dev/null 2>&1 | tee "$CLUSTER_DIR/migrate.log"); then
    die "migrator failed (see $CLUSTER_DIR/migrate.log)"
  fi

  launch silo1 "$SILO_DIR" env Orleans__SiloPort="$SILO_PORT" Orleans__GatewayPort="$GATEWAY_PORT" Schema__MigrateOnStart=false \
    dotnet "$SILO_DLL"
  launch silo2 "$SILO_DIR" env Orleans__SiloPort=$(( SILO_PORT + 1 )) Orleans__GatewayPort=$(( GATEWAY_PORT + 1 )) Schema__MigrateOnStart=false \
    dotnet "$SILO_DLL"
  launch api "$API_DIR" dotnet "$API_DLL" --urls "http://127.0.0.1:$API_PORT"
  printf '%s\n' "$API_PORT" >"$CLUSTER_DIR/api.port"

  log "waiting for http://127.0.0.1:$API_PORT/health/ready (timeout ${READY_TIMEOUT}s)"
  local deadline=$(( SECONDS + READY_TIMEOUT )) name
  until http_ok /health/ready; do
    for name in "${PROCS[@]}"; do
      if ! proc_alive "$name" "$(read_pid "$name")"; then
        print_log_tails
        die "$name exited during startup (log $CLUSTER_DIR/$name.log)"
      fi
    done
    if (( SECONDS >= deadline )); then
      print_log_tails
      die "the API did not become ready within ${READY_TIMEOUT}s"
    fi
    sleep 1
  done

  cat <<EOF
==> cluster is ready
    API:        http://127.0.0.1:$API_PORT   (ready: /health/ready)
    PostgreSQL: $ConnectionStrings__Orleans
    logs:       $CLUSTER_DIR/{silo1,silo2,api,migrate}.log
                $CLUSTER_DIR/pg/server.log
EOF

  READY=1
  if (( detach )); then
    CLEANUP_ON_EXIT=0
    log "running in the background; stop it with: scripts/cluster.sh stop"
    exit 0
  fi

  log "press Ctrl-C to stop"
  local -a pids=()
  for name in "${PROCS[@]}"; do pids+=("$(read_pid "$name")"); done
  # Returns when any process exits (or a signal arrives; the trap handles that).
  wait -n "${pids[@]}" || true
  for name in "${PROCS[@]}"; do
    if ! proc_alive "$name" "$(read_pid "$name")"; then
      printf 'error: %s exited unexpectedly; stopping the cluster. Last lines of %s:\n' \
        "$name" "$CLUSTER_DIR/$name.log" >&2
      tail -n 40 "$CLUSTER_DIR/$name.log" >&2 || true
    fi
  done
  exit 1
}

main() {
  local cmd="${1:-start}"
  case "$cmd" in
    start) shift || true; cmd_start "$@" ;;
    --detach|-d|--no-build) cmd_start "$@" ;;
    stop)
      shift
      (( $# == 0 )) || die "stop takes no arguments"
      if [[ -d "$CLUSTER_DIR" ]]; then CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd -P)"; fi
      cmd_stop
      ;;
    status)
      cmd_status
      ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
