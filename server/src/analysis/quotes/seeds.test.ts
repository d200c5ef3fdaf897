// Runs the quote layer over the real articles in /work/shared/corpus/seeds when present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { extractQuotes } from './extract';
import { QuoteIndex, speakerKey } from './quoteIndex';

const DIR = '/work/shared/corpus/seeds';
const present = fs.existsSync(DIR) && fs.readdirSync(DIR).some((f) => f.endsWith('.txt'));

test('seed articles: families across outlets', { skip: !present && 'seed corpus absent' }, () => {
  const index = new QuoteIndex();
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    index.setFile(name, extractQuotes(fs.readFileSync(path.join(DIR, name), 'utf8')));
  }
  const families = index.families();
  for (const f of families) {
    console.log(`family ${f.id} [${f.speaker}] ${f.canonical.slice(0, 90)}`);
    for (const m of f.members) console.log(`   ${m.file.slice(0, 3)}#${m.quote} (${m.speaker}) ${m.text.slice(0, 70)}`);
  }
  const role = families.find((f) => f.members.some((m) => /important role/i.test(m.text)));
  assert.ok(role, 'the "important role" family exists');
  assert.ok(new Set(role.members.map((m) => m.file)).size >= 3, 'and spans several outlets');
  assert.equal(role.speaker && speakerKey(role.speaker), 'tillerson');
  for (const f of families) {
    const keys = new Set(f.members.filter((m) => m.speaker).map((m) => speakerKey(m.speaker!)));
    assert.ok(keys.size <= 1, `family ${f.canonical.slice(0, 40)} mixes speakers ${[...keys]}`);
  }
  // The shared "doesn't much matter to the dead" fragment is its own four-outlet family.
  const dead = families.find((f) => f.canonical === "doesn't much matter to the dead");
  assert.ok(dead && new Set(dead.members.map((m) => m.file)).size === 4);
});
