#!/usr/bin/env node
// `npm run test:vscode`: the issue #7 scenarios through the `vscode` API in a real VS Code,
// launched by @vscode/test-electron with the source tree as the development extension
// (dist/ built by `node esbuild.js --production` first), `--disable-extensions`, a
// throw-away user-data dir and a copy of test/e2e/fixture/ as the workspace.
//
// VS Code itself is downloaded (pinned version, cached in .vscode-test/). Where it cannot
// be downloaded (no internet: this machine and CI) the run prints why and exits 0, so it
// never fails the build. Set VSCODE_EXECUTABLE_PATH to use an installed VS Code instead,
// or VSCODE_TEST_VERSION to try another version.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');

// The oldest VS Code package.json's engines allow (^1.91.0), so the minimum is what gets proved.
const VSCODE_VERSION = process.env.VSCODE_TEST_VERSION || '1.91.1';
const DOWNLOAD_TIMEOUT_MS = Number(process.env.VSCODE_DOWNLOAD_TIMEOUT_MS || 180000);
const root = path.resolve(__dirname, '..', '..');

function skip(reason) {
  console.log(`[test:vscode] SKIPPED: ${reason}`);
  console.log('[test:vscode] (no internet here: run it where VS Code can be downloaded, or set VSCODE_EXECUTABLE_PATH;');
  console.log('[test:vscode]  `npm run test:e2e` runs this same suite inside code-server, which installs from npm)');
  console.log('vscode: 0 passed, 0 failed, 6 skipped');
  process.exit(0);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** Electron needs an X display on Linux: start Xvfb when there is none and it is installed. */
function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY) return undefined;
  const which = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.log('[test:vscode] warning: no DISPLAY and no Xvfb (apt-get install xvfb); VS Code may fail to start');
    return undefined;
  }
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  process.env.DISPLAY = display;
  return xvfb;
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js')) || !fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    console.error('[test:vscode] dist/extension.js or dist/server.js missing: run `node esbuild.js --production` first');
    process.exit(1);
  }

  let executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    console.log(`[test:vscode] getting VS Code ${VSCODE_VERSION} (cached in .vscode-test/)`);
    try {
      executable = await withTimeout(
        downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: path.join(root, '.vscode-test'), timeout: 30000 }),
        DOWNLOAD_TIMEOUT_MS,
        'the VS Code download',
      );
    } catch (error) {
      skip(`VS Code ${VSCODE_VERSION} could not be downloaded: ${String(error && error.message ? error.message : error).split('\n')[0]}`);
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vscode-'));
  const workspace = path.join(tmp, 'corpus');
  fs.cpSync(path.join(root, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
  fs.rmSync(path.join(workspace, 'README.md'), { force: true });
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'files.autoSave': 'off',
  }, null, 2));

  const xvfb = ensureDisplay();
  let status = 0;
  try {
    status = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
        '--user-data-dir', userData,
        '--extensions-dir', path.join(tmp, 'extensions'),
      ],
      extensionTestsEnv: { COPYDESK_TEST_RESULTS: path.join(tmp, 'results.json') },
    });
  } catch (error) {
    console.error(`[test:vscode] FAILED: ${error && error.message ? error.message : error}`);
    status = 1;
  } finally {
    if (xvfb) xvfb.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(status ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
