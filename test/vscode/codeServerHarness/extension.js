// Runs the test/vscode suite (copied next to this file as suite.js by runInCodeServer.mjs)
// once the workbench has started, and writes what it printed and its verdict to
// COPYDESK_TEST_OUT (a JSON file the runner polls for).
const fs = require('node:fs');

exports.activate = async function activate() {
  const out = process.env.COPYDESK_TEST_OUT;
  const lines = [];
  let ok = false;
  let error;
  try {
    await require('./suite.js').run((line) => lines.push(line));
    ok = true;
  } catch (e) {
    error = e && e.stack ? e.stack : String(e);
  }
  if (out) fs.writeFileSync(out, JSON.stringify({ ok, error, output: lines }, null, 2));
};
exports.deactivate = function deactivate() {};
