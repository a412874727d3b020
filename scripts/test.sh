#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL server.
#
#   scripts/test.sh [extra dotnet test args...]
#   e.g. scripts/test.sh --filter "FullyQualifiedName~Quota"
#
# Installs PostgreSQL, Node.js with npm, Chromium and chromedriver with apt-get when they are
# missing (needs root or sudo).
# The server listens on a random free port on 127.0.0.1, lives in a temporary
# directory and is always stopped and removed when this script exits.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=lib/postgres.sh source-path=SCRIPTDIR
source "$ROOT/scripts/lib/postgres.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_TMP=""
# shellcheck disable=SC2317  # invoked via trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$PG_TMP" ]]; then
    echo "==> stopping PostgreSQL"
    pg_stop "$PG_TMP" || true
    rm -rf "$PG_TMP" || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> checking Node.js and npm (the portal's build takes USWDS and axe-core from npm)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "==> node or npm not found; installing Debian's nodejs and npm with apt-get"
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm </dev/null
fi

echo "==> checking Chromium and its driver (the portal's browser tests)"
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "==> chromium or chromedriver not found; installing Debian's chromium and chromium-driver with apt-get"
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver </dev/null
fi

echo "==> checking PostgreSQL installation"
pg_ensure_installed
echo "==> using $PG_BIN"

PORT="$(pg_free_port)"
PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/qpp-test-pg.XXXXXX")"
PG_FAST="${PG_FAST:-1}" pg_start_throwaway "$PG_TMP" "$PORT"

export QPP_TEST_POSTGRES="$PG_CONN"
echo "==> QPP_TEST_POSTGRES=$QPP_TEST_POSTGRES"

echo "==> dotnet test $ROOT/QppOrleans.sln -c Release $*"
set +e
dotnet test "$ROOT/QppOrleans.sln" -c Release --logger "console;verbosity=normal" "$@" </dev/null
rc=$?
set -e

if [[ $rc -eq 0 ]]; then
  echo "==> tests passed"
else
  echo "==> tests FAILED (dotnet test exit code $rc)" >&2
fi
exit "$rc"
