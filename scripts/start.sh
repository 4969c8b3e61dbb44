#!/usr/bin/env bash
# Starts the portal: frontend on :3000, backend on :7007, guest sign-in, the example
# organisation, SQLite as the embedded database. Extra arguments go to `backstage-cli repo start`,
# e.g. `backend --config app-config.yaml --config my.yaml`; relative --config paths are taken
# from the repository root.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"

args=()
expect_config=false
for arg in "$@"; do
  if $expect_config && [[ "$arg" != /* ]]; then
    arg="$REPO_ROOT/$arg"
  fi
  expect_config=false
  [ "$arg" = "--config" ] && expect_config=true
  args+=("$arg")
done

exec yarn start "${args[@]}"
