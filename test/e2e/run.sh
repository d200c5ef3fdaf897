#!/usr/bin/env bash
# `npm run test:e2e`: install what the browser test needs (idempotent, cached in
# .cache/), package the extension into copydesk.vsix with `npm run package`, then
# drive VS Code (code-server) in headless Chromium through the scenarios of
# issue #7 with test/e2e/e2e.mjs. Screenshots and logs go to test-results/e2e/.
#
# Environment:
#   COPYDESK_VSIX=path   use this .vsix instead of running `npm run package`
#   E2E_ONLY=1,4         run only these scenarios (comma separated numbers)
#   E2E_TIMEOUT_MS=n     how long each wait polls before failing (default 60000)
#   E2E_API=0            skip the second stage (test/vscode suite inside code-server)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
start=$(date +%s)

echo "[e2e] setup (apt packages, Node 24, code-server)"
setup_out="$(bash test/e2e/setup.sh </dev/null)"
NODE24="$(printf '%s\n' "$setup_out" | sed -n 's/^NODE24=//p')"
CODE_SERVER="$(printf '%s\n' "$setup_out" | sed -n 's/^CODE_SERVER=//p')"
[ -x "$NODE24" ] && [ -f "$CODE_SERVER" ] || { echo "[e2e] setup did not report NODE24/CODE_SERVER"; exit 1; }
echo "[e2e] setup done in $(( $(date +%s) - start ))s"

VSIX="${COPYDESK_VSIX:-}"
if [ -z "$VSIX" ]; then
  [ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund </dev/null
  echo "[e2e] npm run package"
  rm -f copydesk.vsix
  if ! npm run package </dev/null; then
    echo "[e2e] FAILED: 'npm run package' did not produce copydesk.vsix (see the vsce/esbuild error above)"
    exit 1
  fi
  VSIX="$ROOT/copydesk.vsix"
fi
[ -f "$VSIX" ] || { echo "[e2e] no .vsix at $VSIX"; exit 1; }
echo "[e2e] packaged $(du -k "$VSIX" | cut -f1) KiB: $VSIX"

status=0
node test/e2e/e2e.mjs --node24 "$NODE24" --code-server "$CODE_SERVER" --vsix "$VSIX" </dev/null || status=$?

# The test/vscode suite (same scenarios through the vscode API) in code-server's extension
# host: where test-electron cannot download VS Code, this is where that suite runs.
echo "[e2e] browser scenarios done at $(( $(date +%s) - start ))s"
if [ "${E2E_API:-1}" != 0 ]; then
  echo "[e2e] vscode API suite in code-server"
  node test/vscode/runInCodeServer.mjs --node24 "$NODE24" --code-server "$CODE_SERVER" --vsix "$VSIX" </dev/null || status=1
fi
# The suite's own "N passed, N failed" line stays the last line CI reads.
exit $status
