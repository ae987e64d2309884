#!/usr/bin/env bash
# Installs what the checks need and runs them all, stopping at the first broken step:
# type check, lint, prettier, unit tests (SQLite and a real PostgreSQL), contract tests
# against the upstream k0rdent CRDs, the production build and the Playwright journeys
# in Chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
LOGS="$(mktemp -d "${TMPDIR:-/tmp}/k0rdent-test.XXXXXX")"
PASSED=0
FAILED=0

summary() {
  echo "$PASSED passed, $FAILED failed"
}

# Adds the test counts a Jest or Playwright log reports to the totals.
count_tests() {
  local log="$1" line p f
  line="$(grep -E '^Tests: ' "$log" | tail -n 1)"
  if [ -n "$line" ]; then
    p="$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$line")"
    f="$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")"
  else
    p="$(grep -E '^ +[0-9]+ passed' "$log" | tail -n 1 | sed -nE 's/^ +([0-9]+) passed.*/\1/p')"
    f="$(grep -E '^ +[0-9]+ failed' "$log" | tail -n 1 | sed -nE 's/^ +([0-9]+) failed.*/\1/p')"
  fi
  PASSED=$((PASSED + ${p:-0}))
  FAILED=$((FAILED + ${f:-0}))
}

# step NAME [--tests] CMD...: runs one step, logging to a file and the console.
step() {
  local name="$1" counts=false
  shift
  if [ "$1" = --tests ]; then counts=true; shift; fi
  local log="$LOGS/$name.log" start=$SECONDS
  echo "==> $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  $counts && count_tests "$log"
  if [ "$rc" -ne 0 ]; then
    # A failing step that reported no failing test still counts as one failure.
    if ! $counts || ! grep -qE '[0-9]+ failed' "$log"; then FAILED=$((FAILED + 1)); fi
    echo "==> $name failed (exit $rc) after $((SECONDS - start))s; log: $log"
    summary
    exit 1
  fi
  echo "==> $name ok ($((SECONDS - start))s)"
}

cleanup() {
  k0_stop_postgres 2>/dev/null || true
}
trap cleanup EXIT

install_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

. scripts/postgres.sh

step toolchain bash -c '. scripts/env.sh && node --version && yarn --version'
. scripts/env.sh >/dev/null
step system-packages install_system_packages
step install yarn install --immutable
step typecheck yarn tsc
step lint yarn lint:all
step prettier yarn prettier:check
echo "==> postgres"
# Not a `step`: it must export the connection string into this shell.
if ! k0_start_postgres; then
  FAILED=$((FAILED + 1))
  echo "==> postgres failed"
  summary
  exit 1
fi
export CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1
step unit-tests --tests yarn test
step contract-tests --tests yarn test:contract
step build yarn build:backend
step e2e --tests yarn playwright test -c playwright.local.config.ts
rm -rf "$LOGS"
summary
