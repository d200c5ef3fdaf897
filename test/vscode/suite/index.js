// The issue #7 scenarios through the `vscode` API, run inside a real VS Code extension host
// (test-electron's extensionTestsPath, or test/vscode/codeServerHarness in code-server).
// Plain JS, no mocha: run() resolves when every scenario passed and rejects otherwise,
// printing "N passed, N failed".
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'copydesk.copydesk';
const GAZETTE = 'harbour-gazette.txt';
const WEEKLY = 'coastline-weekly.txt';
const NORTHGATE = 'northgate-post.article';
const RADIO = 'estuary-radio.txt';
const TIMEOUT = Number(process.env.COPYDESK_TEST_TIMEOUT_MS || 30000);

function folder() {
  const folders = vscode.workspace.workspaceFolders || [];
  assert.ok(folders.length > 0, 'no workspace folder: runTest.js opens a copy of test/e2e/fixture');
  return folders[0].uri;
}
const uriOf = (name) => vscode.Uri.joinPath(folder(), name);
const base = (uri) => path.basename(uri.fsPath);

/** Position (0-based) of the nth occurrence of needle in the document, plus offset. */
function positionOf(document, needle, plus = 0) {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${base(document.uri)} has no ${JSON.stringify(needle)}`);
  return document.positionAt(at + plus);
}

async function poll(what, fn, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value && !value.notYet) return value;
      last = value && value.notYet;
    } catch (error) {
      last = `threw: ${error && error.message}`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const notYet = (detail) => ({ notYet: detail || 'nothing' });

const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const hoverToText = (hovers) =>
  (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

async function open(name) {
  const document = await vscode.workspace.openTextDocument(uriOf(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function referenceFiles(document, position) {
  const locations = (await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, position)) || [];
  return { locations, files: locations.map((l) => base(l.uri)) };
}

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario('1. diagnostics: encoding and doubled-word problems on the right lines', async () => {
  const document = await open(GAZETTE);
  const want = [
    { line: positionOf(document, '\u00c2\u00a0').line, code: /mojibake|encoding/, what: 'mojibake Â+NBSP' },
    { line: positionOf(document, 'the the').line, code: /^repeated-word$/, what: 'doubled "the the"' },
    { line: positionOf(document, '\u00e2\u20ac\u2122').line, code: /mojibake|encoding/, what: 'mojibake â€™' },
  ];
  await poll('the three diagnostics', () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const missing = want.filter((w) => !diagnostics.some((d) => d.range.start.line === w.line && w.code.test(codeOf(d))));
    return missing.length === 0 || notYet(`missing ${missing.map((m) => `${m.what} on line ${m.line + 1}`).join(', ')}; have ${diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none'}`);
  });
});

scenario('2. hover on a surname: canonical name, type, mention counts', async () => {
  const document = await open(GAZETTE);
  const position = positionOf(document, 'Mr Wrenfield', 5);
  const text = await poll('the person hover', async () => {
    const text = hoverToText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position));
    const ok = /Tobias Wrenfield/.test(text) && /person/i.test(text) && /mention\w*\D{0,20}\d+|\d+\s*(mentions?|times)/i.test(text);
    return ok ? text : notYet(text || 'no hover');
  });
  assert.match(text, /Tobias Wrenfield/);
});

scenario('3. quick fixes for the doubled word and the mojibake change exactly that text', async () => {
  const document = await open(GAZETTE);
  const steps = [
    { needle: 'the the', plus: 4, title: /repeat|doubl|remove|delete/i, from: 'the the east', to: ['the east'] },
    { needle: '\u00e2\u20ac\u2122', plus: 0, title: /replace|mojibake|encoding|repair|fix/i, from: 'basin\u00e2\u20ac\u2122s', to: ['basin\u2019s'] },
    { needle: '\u00c2\u00a0', plus: 0, title: /replace|mojibake|encoding|repair|fix/i, from: '30\u00c2\u00a0centimetres', to: ['30\u00a0centimetres', '30 centimetres'] },
  ];
  for (const step of steps) {
    const before = document.getText();
    const position = positionOf(document, step.needle, step.plus);
    const range = new vscode.Range(position, position);
    const action = await poll(`a quick fix matching ${step.title}`, async () => {
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, range)) || [];
      const found = actions.find((a) => step.title.test(a.title) && !/fix all/i.test(a.title) && (a.edit || a.command));
      return found || notYet(actions.map((a) => a.title).join(' | ') || 'no actions');
    });
    if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused "${action.title}"`);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
    const expected = step.to.map((to) => before.replace(step.from, to));
    await poll(`"${action.title}" to change exactly ${JSON.stringify(step.from)}`, () =>
      expected.includes(document.getText()) || notYet(JSON.stringify(document.lineAt(position.line).text)));
  }
});

scenario('4. references from inside a quote list the other articles; one opens', async () => {
  const document = await open(GAZETTE);
  const position = positionOf(document, 'storm we feared', 2);
  const { locations, files } = await poll('references to coastline-weekly and northgate-post', async () => {
    const refs = await referenceFiles(document, position);
    return refs.files.includes(WEEKLY) && refs.files.includes(NORTHGATE) ? refs : notYet(refs.files.join(', ') || 'none');
  });
  assert.ok(!files.includes(RADIO), `references wrongly include ${RADIO}: ${files.join(', ')}`);
  const target = locations.find((l) => base(l.uri) === WEEKLY);
  const editor = await vscode.window.showTextDocument(target.uri, { selection: target.range, preview: false });
  assert.equal(base(editor.document.uri), WEEKLY);
  assert.match(editor.document.getText(target.range), /storm we feared/);
});

scenario('5. code lens "quoted in 2 other articles"', async () => {
  const document = await open(GAZETTE);
  await poll('the code lens', async () => {
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 10)) || [];
    const titles = lenses.map((l) => (l.command ? l.command.title : '(unresolved)'));
    return titles.some((t) => /quoted in 2 other articles/.test(t)) || notYet(titles.join(' | ') || 'no lenses');
  });
});

scenario('6. editing a quote in one file updates the references from another', async () => {
  const weekly = await open(WEEKLY);
  const line = positionOf(weekly, '"We built these gates').line;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(weekly.uri, weekly.lineAt(line).range, '"The gates were tested every winter and they never once failed until now," Wrenfield told Coastline Weekly.');
  assert.ok(await vscode.workspace.applyEdit(edit));
  const gazette = await open(GAZETTE);
  const position = positionOf(gazette, 'storm we feared', 2);
  await poll('references without coastline-weekly, with northgate-post', async () => {
    const { files } = await referenceFiles(gazette, position);
    return (!files.includes(WEEKLY) && files.includes(NORTHGATE)) || notYet(files.join(', ') || 'none');
  });
});

/** test-electron calls run() with no arguments; the code-server harness passes its own log. */
async function run(log = (line) => console.log(line)) {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  const only = process.env.COPYDESK_TEST_ONLY ? process.env.COPYDESK_TEST_ONLY.split(',') : undefined;
  const results = [];
  for (const s of scenarios) {
    if (only && !only.some((n) => s.name.startsWith(`${n}.`))) continue;
    const started = Date.now();
    try {
      await s.fn();
      results.push({ name: s.name, ok: true, ms: Date.now() - started });
      log(`  ✔ ${s.name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name: s.name, ok: false, ms: Date.now() - started, error: error && error.message });
      log(`  ✘ ${s.name}\n      ${error && error.message}`);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`vscode: ${passed} passed, ${failed} failed`);
  if (process.env.COPYDESK_TEST_RESULTS) fs.writeFileSync(process.env.COPYDESK_TEST_RESULTS, JSON.stringify(results, null, 2));
  if (failed > 0) throw new Error(`${failed} of ${results.length} scenarios failed`);
}

module.exports = { run, scenarios };
