// Evaluation: damage generated from clean multilingual sentences, hand-written damaged
// news sentences, and clean sentences that must stay untouched. Prints precision, recall
// and exact-repair rate, and asserts floors at what the rules achieve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, DAMAGED } from './evaluationData';
import { WINDOWS_1252 } from './codePages';
import { controlCharacterRule, invisibleCharacterRule, mojibakeRule, repairEncoding, replacementCharacterRule } from './index';

type Codec = 'cp1252' | 'latin1' | 'macintosh' | 'windows-1251' | 'windows-1250';

/** UTF-8 bytes of `text` decoded with `codec`: the damage under study. */
function misdecode(text: string, codec: Codec): string {
  const bytes = Buffer.from(text, 'utf8');
  if (codec === 'latin1') return bytes.toString('latin1');
  if (codec === 'cp1252') {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : WINDOWS_1252[b - 0x80];
    return out;
  }
  return new TextDecoder(codec).decode(bytes);
}

/** Damages only the words from the middle of the sentence on. */
function damageTail(text: string, codec: Codec): string {
  const cut = text.indexOf(' ', Math.floor(text.length / 2));
  if (cut < 0) return misdecode(text, codec);
  return text.slice(0, cut) + misdecode(text.slice(cut), codec);
}

const hasNonAscii = (s: string) => /[^\x00-\x7f]/.test(s);
const isCyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);
const isCentralEuropean = (s: string) => /[ąćęłńśźżčďěňřšťůžőűĺľŕ]/i.test(s);
const isLatinScript = (s: string) => !/[\u0370-\u03ff\u0400-\u04ff\u0530-\u1fff\u3000-\uffef]|[\ud800-\udfff]/.test(s);

interface Case { label: string; damaged: string; clean: string }

function generatedCases(): Case[] {
  const cases: Case[] = [];
  CLEAN.forEach((clean, n) => {
    if (!hasNonAscii(clean)) return;
    const add = (label: string, damaged: string) => {
      if (damaged !== clean) cases.push({ label: `${label} #${n}`, damaged, clean });
    };
    add('cp1252', misdecode(clean, 'cp1252'));
    add('latin1', misdecode(clean, 'latin1'));
    add('cp1252×2', misdecode(misdecode(clean, 'cp1252'), 'cp1252'));
    add('cp1252 partial', damageTail(clean, 'cp1252'));
    if (n % 3 === 0) add('cp1252×3', misdecode(misdecode(misdecode(clean, 'cp1252'), 'cp1252'), 'cp1252'));
    if (n % 3 === 1) add('cp1252 then latin1', misdecode(misdecode(clean, 'cp1252'), 'latin1'));
    if (isLatinScript(clean)) add('macroman', misdecode(clean, 'macintosh'));
    if (isCyrillic(clean)) add('cp1251', misdecode(clean, 'windows-1251'));
    if (isCentralEuropean(clean)) add('cp1250', misdecode(clean, 'windows-1250'));
  });
  return cases;
}

test('evaluation: precision, recall and exact repair', () => {
  const damagedCases = [...generatedCases(), ...DAMAGED.map((d, n) => ({ label: `news #${n}`, ...d }))];
  let flagged = 0;
  let exact = 0;
  let runsTotal = 0;
  let runsInExact = 0;
  let idempotent = 0;
  const misses: string[] = [];
  for (const c of damagedCases) {
    const { text, repairs } = repairEncoding(c.damaged);
    runsTotal += repairs.length;
    if (repairs.length > 0) flagged++;
    if (text === c.clean) {
      exact++;
      runsInExact += repairs.length;
    } else {
      misses.push(`${c.label}: ${JSON.stringify(c.damaged)} -> ${JSON.stringify(text)}`);
    }
    if (repairEncoding(text).repairs.length === 0) idempotent++;
    else misses.push(`NOT IDEMPOTENT ${c.label}: ${JSON.stringify(text)} -> ${JSON.stringify(repairEncoding(text).text)}`);
  }
  let cleanFlags = 0;
  const falseAlarms: string[] = [];
  for (const clean of CLEAN) {
    const problems = [mojibakeRule, controlCharacterRule, replacementCharacterRule, invisibleCharacterRule].flatMap((r) => r.check(clean));
    const repaired = repairEncoding(clean);
    if (problems.length > 0 || repaired.text !== clean) {
      cleanFlags++;
      falseAlarms.push(`${JSON.stringify(clean)}: ${problems.map((p) => p.message).join(' | ')}`);
    }
    runsTotal += repaired.repairs.length;
  }
  const recall = flagged / damagedCases.length;
  const exactRate = exact / damagedCases.length;
  // Conservative: a run counts as correct only if its whole case was repaired exactly.
  const precision = runsTotal === 0 ? 1 : runsInExact / runsTotal;
  console.log(JSON.stringify({
    damaged_cases: damagedCases.length, clean_cases: CLEAN.length, precision: +precision.toFixed(4),
    recall: +recall.toFixed(4), exact_repair: +exactRate.toFixed(4), clean_flagged: cleanFlags,
    idempotent: `${idempotent}/${damagedCases.length}`,
  }));
  if (misses.length) console.log('not repaired exactly:\n  ' + misses.join('\n  '));
  if (falseAlarms.length) console.log('false alarms:\n  ' + falseAlarms.join('\n  '));
  assert.ok(damagedCases.length >= 150);
  assert.ok(CLEAN.length >= 60);
  assert.equal(cleanFlags, 0, 'clean sentences must not be flagged');
  assert.equal(idempotent, damagedCases.length, 'repairing twice must change nothing');
  assert.ok(precision >= PRECISION_FLOOR, `precision ${precision}`);
  assert.ok(recall >= RECALL_FLOOR, `recall ${recall}`);
  assert.ok(exactRate >= EXACT_FLOOR, `exact repair ${exactRate}`);
});

// Floors set just under what the rules measure today (see the console output).
const PRECISION_FLOOR = 0.98;
const RECALL_FLOOR = 0.98;
const EXACT_FLOOR = 0.98;
