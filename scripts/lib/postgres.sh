# shellcheck shell=bash
# Helpers for running a private ("throwaway") PostgreSQL server for tests and
# local clusters. Source this file; it is safe under `set -euo pipefail`.
#
#   pg_ensure_installed          install PostgreSQL via apt if needed, set PG_BIN
#   pg_start_throwaway DIR PORT  initdb DIR (unless it already holds a cluster)
#                                and start it on 127.0.0.1:PORT; exports PG_CONN
#   pg_stop DIR                  stop the server running from DIR (if any)
#   pg_free_port                 print a free TCP port on 127.0.0.1
#   pg_create_database NAME      create database NAME if it does not exist
#
# Tunables: PG_FAST=1 (default) runs with fsync/synchronous_commit/full_page_writes
# off — only for disposable data. Set PG_FAST=0 for data you want to keep.
# PG_START_TIMEOUT (default 30) seconds to wait for the server to accept connections.

if [[ -n "${_QPP_PG_LIB_LOADED:-}" ]]; then
  return 0
fi
_QPP_PG_LIB_LOADED=1

PG_BIN="${PG_BIN:-}"
PG_PORT="${PG_PORT:-}"
PG_DIR="${PG_DIR:-}"

_pg_log() { printf '==> %s\n' "$*" >&2; }
_pg_err() { printf 'error: %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, through sudo otherwise.
_pg_as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    _pg_err "need root privileges to run '$*' (not root and sudo is not available)"
    return 1
  fi
}

# True when PostgreSQL processes must run as the `postgres` system user
# (the server refuses to run as root).
_pg_need_switch_user() { [[ "$(id -u)" -eq 0 ]]; }

# Runs a PostgreSQL server binary as the data directory owner.
# Commands run from / so that an unreadable current directory does not upset
# pg_ctl/initdb after switching user.
_pg_as_owner() {
  if _pg_need_switch_user; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      local quoted
      printf -v quoted '%q ' "$@"
      (cd / && su -s /bin/sh postgres -c "$quoted")
    fi
  else
    "$@"
  fi
}

_pg_ensure_system_user() {
  if id -u postgres >/dev/null 2>&1; then
    return 0
  fi
  _pg_log "creating system user 'postgres'"
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home \
      --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  elif command -v adduser >/dev/null 2>&1; then
    adduser --system --group --no-create-home --home /var/lib/postgresql postgres
  else
    _pg_err "cannot create system user 'postgres' (neither useradd nor adduser found)"
    return 1
  fi
}

# Sets PG_BIN to the newest /usr/lib/postgresql/<ver>/bin that has initdb.
_pg_find_bin() {
  local candidates=() d ver best="" bestver=-1
  shopt -s nullglob
  candidates=(/usr/lib/postgresql/*/bin/initdb)
  shopt -u nullglob
  for d in "${candidates[@]}"; do
    ver="${d#/usr/lib/postgresql/}"
    ver="${ver%%/*}"
    ver="${ver%%.*}"                     # "9.6" -> 9 is fine for ordering majors
    [[ "$ver" =~ ^[0-9]+$ ]] || continue
    if (( ver > bestver )); then
      bestver=$ver
      best="${d%/initdb}"
    fi
  done
  [[ -n "$best" ]] || return 1
  PG_BIN="$best"
}

pg_ensure_installed() {
  if ! _pg_find_bin; then
    _pg_log "PostgreSQL not found; installing it with apt-get"
    if ! command -v apt-get >/dev/null 2>&1; then
      _pg_err "PostgreSQL is not installed and apt-get is not available; install PostgreSQL (initdb under /usr/lib/postgresql/<ver>/bin) manually"
      return 1
    fi
    _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
    _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql </dev/null
    if ! _pg_find_bin; then
      _pg_err "apt-get install postgresql finished but no /usr/lib/postgresql/*/bin/initdb exists"
      return 1
    fi
  fi
  local tool
  for tool in initdb pg_ctl pg_isready psql postgres; do
    if [[ ! -x "$PG_BIN/$tool" ]]; then
      _pg_err "$PG_BIN/$tool is missing; is the PostgreSQL installation complete?"
      return 1
    fi
  done
  export PG_BIN
}

# Prints a TCP port on 127.0.0.1 that nothing is listening on.
# Picks from 20000-32767, below Linux's default ephemeral range, so the port is
# unlikely to be taken by an outgoing connection before the caller binds it.
pg_free_port() {
  local attempt port
  for (( attempt = 0; attempt < 200; attempt++ )); do
    port=$(( 20000 + (RANDOM % 12768) ))
    # Something answers -> in use. (Refused connections on loopback fail fast.)
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    printf '%s\n' "$port"
    return 0
  done
  _pg_err "could not find a free TCP port on 127.0.0.1"
  return 1
}

# Fails with a clear message when the postgres user cannot reach DIR.
_pg_check_owner_access() {
  local dir="$1"
  _pg_need_switch_user || return 0
  if ! _pg_as_owner test -x "$dir" 2>/dev/null; then
    _pg_err "the 'postgres' user cannot access $dir (PostgreSQL cannot run as root, so the data directory and all its parent directories must be traversable by 'postgres'; choose another location, e.g. under /tmp)"
    return 1
  fi
}

# Escapes a value for a single-quoted postgresql.conf string.
_pg_conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

pg_start_throwaway() {
  if [[ $# -ne 2 ]]; then
    _pg_err "usage: pg_start_throwaway DIR PORT"
    return 2
  fi
  local dir="$1" port="$2"
  if [[ ! "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
    _pg_err "pg_start_throwaway: invalid port '$port'"
    return 2
  fi
  [[ -n "$PG_BIN" ]] || pg_ensure_installed

  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd -P)"
  # Unix socket paths are limited to 107 bytes (".s.PGSQL.<port>" included).
  if (( ${#dir} > 90 )); then
    _pg_err "data directory path is too long for a unix socket (${#dir} chars): $dir"
    return 1
  fi

  if _pg_need_switch_user; then
    _pg_ensure_system_user
    chown postgres: "$dir"
    _pg_check_owner_access "$dir"
  fi
  chmod 0700 "$dir"

  local log="$dir/server.log"
  if [[ -f "$dir/PG_VERSION" ]]; then
    if _pg_as_owner "$PG_BIN/pg_ctl" status -D "$dir" >/dev/null 2>&1; then
      _pg_err "a PostgreSQL server is already running from $dir; stop it first (pg_stop)"
      return 1
    fi
    _pg_log "reusing PostgreSQL data directory $dir"
  else
    if [[ -n "$(ls -A "$dir")" ]]; then
      _pg_err "$dir is not empty and does not contain a PostgreSQL cluster (no PG_VERSION)"
      return 1
    fi
    _pg_log "initdb $dir"
    local initdb_out
    if ! initdb_out="$(_pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust \
           --encoding=UTF8 --no-locale --no-sync 2>&1)"; then
      _pg_err "initdb failed:"
      printf '%s\n' "$initdb_out" | tail -n 30 >&2
      return 1
    fi
    printf "\n# Added by scripts/lib/postgres.sh; rewritten on every start.\ninclude_if_exists = 'qpp_throwaway.conf'\n" \
      | _pg_as_owner tee -a "$dir/postgresql.conf" >/dev/null
  fi
  if ! grep -q "^include_if_exists = 'qpp_throwaway.conf'" "$dir/postgresql.conf"; then
    printf "\ninclude_if_exists = 'qpp_throwaway.conf'\n" \
      | _pg_as_owner tee -a "$dir/postgresql.conf" >/dev/null
  fi

  local fast="${PG_FAST:-1}"
  {
    printf 'listen_addresses = %s\n' "$(_pg_conf_quote 127.0.0.1)"
    printf 'port = %s\n' "$port"
    printf 'unix_socket_directories = %s\n' "$(_pg_conf_quote "$dir")"
    printf 'max_connections = 300\n'
    if [[ "$fast" == "1" ]]; then
      printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
    else
      printf 'fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n'
    fi
  } | _pg_as_owner tee "$dir/qpp_throwaway.conf" >/dev/null

  _pg_log "starting PostgreSQL on 127.0.0.1:$port (data: $dir, fast=$fast)"
  # Start without waiting (-W); readiness is checked with pg_isready below.
  if ! _pg_as_owner "$PG_BIN/pg_ctl" start -W -D "$dir" -l "$log" >/dev/null 2>&1; then
    _pg_err "pg_ctl start failed; server log ($log):"
    tail -n 30 "$log" >&2 2>/dev/null || true
    return 1
  fi

  local timeout="${PG_START_TIMEOUT:-30}" started=$SECONDS
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2 >/dev/null 2>&1; do
    # Stop waiting early when the postmaster already died (e.g. port in use). On a loaded
    # machine it may take seconds to write its pid file, so this is checked only after 10 s.
    if (( SECONDS - started >= 10 )) && [[ ! -f "$dir/postmaster.pid" ]]; then
      _pg_err "PostgreSQL exited during startup; server log ($log):"
      tail -n 30 "$log" >&2 2>/dev/null || true
      return 1
    fi
    if (( SECONDS - started >= timeout )); then
      _pg_err "PostgreSQL did not become ready on 127.0.0.1:$port within ${timeout}s; server log ($log):"
      tail -n 30 "$log" >&2 2>/dev/null || true
      pg_stop "$dir" || true
      return 1
    fi
    sleep 0.2
  done

  PG_DIR="$dir"
  PG_PORT="$port"
  PG_CONN="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  export PG_DIR PG_PORT PG_CONN
  _pg_log "PostgreSQL ready: $PG_CONN"
}

pg_stop() {
  if [[ $# -ne 1 ]]; then
    _pg_err "usage: pg_stop DIR"
    return 2
  fi
  local dir="$1"
  [[ -f "$dir/postmaster.pid" ]] || return 0
  if [[ -z "$PG_BIN" ]]; then
    _pg_find_bin || return 0
  fi
  _pg_as_owner "$PG_BIN/pg_ctl" stop -D "$dir" -m fast -w -t 60 >/dev/null 2>&1 || true
  return 0
}

pg_create_database() {
  if [[ $# -ne 1 || -z "$1" ]]; then
    _pg_err "usage: pg_create_database NAME"
    return 2
  fi
  local name="$1" psql_bin port="${PG_PORT:-}"
  if [[ -z "$port" ]]; then
    _pg_err "pg_create_database: no running throwaway server (PG_PORT unset); call pg_start_throwaway first"
    return 1
  fi
  if [[ -n "$PG_BIN" && -x "$PG_BIN/psql" ]]; then
    psql_bin="$PG_BIN/psql"
  else
    psql_bin="$(command -v psql)" || { _pg_err "psql not found"; return 1; }
  fi
  # Idempotent: only creates the database when it does not exist yet.
  "$psql_bin" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -v "dbname=$name" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', :'dbname')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname')
\gexec
SQL
}
