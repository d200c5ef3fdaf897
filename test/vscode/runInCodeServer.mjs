// The test/vscode suite (same scenarios through the `vscode` API) in code-server's extension
// host instead of a downloaded VS Code: for machines without internet, where test-electron
// skips. Needs what test/e2e/setup.sh installs (Node 24, code-server, Chromium) and a .vsix.
//
//   node test/vscode/runInCodeServer.mjs --node24 PATH --code-server PATH/out/node/entry.js --vsix X.vsix
//
// The packaged extension is installed with --install-extension; the harness extension
// (test/vscode/codeServerHarness + suite/index.js) is copied in beside it, Chromium opens
// the workbench so the extension host starts, and the harness writes its verdict to a file.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const required of ['node24', 'code-server', 'vsix']) if (!args[required]) throw new Error(`missing --${required}`);
const TIMEOUT = Number(process.env.COPYDESK_HARNESS_TIMEOUT_MS || 300000); // the whole run, start-up included

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vscode-cs-'));
const userData = path.join(tmp, 'user-data');
const extensionsDir = path.join(tmp, 'extensions');
const workspace = path.join(tmp, 'corpus');
const outFile = path.join(tmp, 'verdict.json');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'files.autoSave': 'off',
}));
fs.cpSync(path.join(root, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
fs.rmSync(path.join(workspace, 'README.md'), { force: true });

const env = {
  ...process.env,
  PATH: `${path.dirname(args.node24)}:${process.env.PATH}`,
  XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
  XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  COPYDESK_TEST_OUT: outFile,
};
const csArgs = ['--user-data-dir', userData, '--extensions-dir', extensionsDir];
const install = spawnSync(args.node24, [args['code-server'], ...csArgs, '--install-extension', path.resolve(args.vsix)], { env, encoding: 'utf8' });
if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}\n${install.stderr}`);
const harness = path.join(extensionsDir, 'copydesk.copydesk-test-harness-0.0.1');
fs.cpSync(path.join(here, 'codeServerHarness'), harness, { recursive: true });
fs.copyFileSync(path.join(here, 'suite', 'index.js'), path.join(harness, 'suite.js'));
// VS Code lists installed extensions in extensions.json: add the harness the same way.
const listFile = path.join(extensionsDir, 'extensions.json');
if (fs.existsSync(listFile)) {
  const list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  list.push({
    identifier: { id: 'copydesk.copydesk-test-harness' },
    version: '0.0.1',
    location: { $mid: 1, fsPath: harness, external: `file://${harness}`, path: harness, scheme: 'file' },
    relativeLocation: path.basename(harness),
  });
  fs.writeFileSync(listFile, JSON.stringify(list));
}

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const server = spawn(args.node24, [args['code-server'], ...csArgs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', workspace],
{ env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

const deadline = Date.now() + TIMEOUT;
const sleepUntil = async (cond, what) => {
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
};
let browser;
let status = 1;
try {
  await sleepUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok, 'code-server');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await sleepUntil(() => fs.existsSync(outFile), 'the harness to report (is the extension host running?)');
  const verdict = JSON.parse(fs.readFileSync(outFile, "utf8"));
  for (const line of verdict.output) console.log(line);
  if (verdict.error) console.log(verdict.error);
  status = verdict.ok ? 0 : 1;
} catch (error) {
  console.log(`[vscode-in-code-server] FAILED: ${error.message}`);
  console.log(serverLog.split('\n').slice(-20).join('\n'));
  console.log('vscode: 0 passed, 1 failed');
} finally {
  await browser?.close().catch(() => {});
  server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
