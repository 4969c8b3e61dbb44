#!/usr/bin/env bash
# The whole test suite: type check, lint, formatting, unit and integration tests (SQLite and
# PostgreSQL), a short load test, the production build started on PostgreSQL, and the end-to-end
# browser check. Ends with one line: `N passed, N failed`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"

export CI="${CI:-true}"
export DELIVERY_TEST_POSTGRES_URL="${DELIVERY_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$DELIVERY_TEST_POSTGRES_URL"
export BACKSTAGE_TEST_DISABLE_DOCKER=1

if ! node scripts/check-postgres.mjs "$DELIVERY_TEST_POSTGRES_URL"; then
  echo "PostgreSQL at $DELIVERY_TEST_POSTGRES_URL is unreachable: the database tests cannot run." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium for the browser check"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

REPORT_DIR="$REPO_ROOT/node_modules/.cache/test-reports"
rm -rf "$REPORT_DIR" && mkdir -p "$REPORT_DIR"
failed_steps=()

run_check() {
  local name="$1"
  shift
  log "$name"
  if "$@"; then
    echo '{"passed":1,"failed":0}' >"$REPORT_DIR/check-$name.json"
  else
    echo '{"passed":0,"failed":1}' >"$REPORT_DIR/check-$name.json"
    failed_steps+=("$name")
  fi
}

run_check typecheck yarn tsc
# report.api.md of every package must match its public surface (the type check wrote dist-types)
run_check api-reports yarn api-reports:check
run_check lint yarn lint
# knip-report.md of every package: unused or undeclared dependencies and exports must not change unnoticed
run_check knip yarn knip-reports:check
run_check prettier yarn prettier:check
run_check openapi node scripts/generate-openapi-router.mjs plugins/delivery-backend --check
# 5 s of mixed reads and ingestion against the real backend on PostgreSQL: zero errors
run_check load yarn load --duration 5
# the production build unpacked as the Dockerfile does, `node packages/backend` on PostgreSQL
run_check production-build yarn test:production

log "unit and integration tests"
yarn test --json --outputFile="$REPORT_DIR/jest.json" || failed_steps+=("unit-tests")

log "end-to-end browser check"
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORT_DIR/playwright.json" yarn test:e2e || failed_steps+=("e2e")

# The suite as packages: pack plugins/*, install them into a stock app from @backstage/create-app
# exactly as docs/install.md says, start it, ingest records and check the pages in Chromium
run_check install node scripts/install-test/install-test.mjs

summary="$(node scripts/summarize-tests.mjs "$REPORT_DIR")"
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}" >&2
  echo "$summary"
  exit 1
fi
echo "$summary"
