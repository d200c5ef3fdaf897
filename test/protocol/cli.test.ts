// The CLI as maintainers run it (dist/cli.js): a worker pool must not change a single byte of its reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

function cli(workers: number, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.resolve('dist/cli.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, COPYDESK_WORKERS: String(workers) },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('check, quotes, entities and fix --dry-run say the same with two analysis workers as in one thread', () => {
  for (const args of [
    ['check', '--format', 'json', 'samples'],
    ['quotes', '--format', 'json', 'samples'],
    ['entities', '--format', 'json', 'samples'],
    ['fix', '--dry-run', 'samples'],
  ]) {
    const alone = cli(0, ...args);
    const pooled = cli(2, ...args);
    assert.ok(alone.stdout.length > 100, `${args[0]} reports something: ${alone.stderr}`);
    assert.equal(pooled.status, alone.status, `${args[0]} exit code`);
    assert.equal(pooled.stdout, alone.stdout, `${args[0]} output`);
    assert.equal(pooled.stderr, alone.stderr, `${args[0]} messages`);
  }
});
