import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeDocument, type Tok } from './names';
import { ABBREVIATIONS } from './lexicon';
import { randomTexts, seededRandom } from '../testing/randomText';

// The regex tokeniser the hand-written scanner replaced: the scanner must give exactly its tokens.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*|[^\s\p{L}\p{N}]/gu;
function reference(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(from, to);
  let lastEnd = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const afterBreak = /[\n\r\u2028\u2029]/.test(slice.slice(lastEnd, m.index));
    lastEnd = m.index + raw.length;
    const word = /^[\p{L}\p{N}]/u.test(raw);
    if (!word && raw === '.' && out.length) {
      const prev = out[out.length - 1];
      if (prev.word && (ABBREVIATIONS.has(prev.lower) || (prev.text.length === 1 && prev.cap))) continue;
    }
    out.push({ text: raw, lower: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, word, cap: /^\p{Lu}/u.test(raw), afterBreak });
  }
  return out;
}

test('tokenize: words, clitics, particles, abbreviations and punctuation', () => {
  const text = 'Mr. al-Assad’s aide, U. N. envoy Ça-va — said: "no 3.5%"\nDr Ōta';
  const toks = tokenize(text, 0, text.length);
  assert.deepEqual(toks.map((t) => t.text), ['Mr', 'al-Assad’s', 'aide', ',', 'U', 'N', 'envoy', 'Ça-va', '—', 'said', ':', '"', 'no', '3', '.', '5', '%', '"', 'Dr', 'Ōta']);
  assert.equal(toks[1].lower, "al-assad's");
  assert.equal(toks[7].cap, true);
  assert.equal(toks[18].afterBreak, true);
  assert.equal(toks[17].afterBreak, false);
  assert.deepEqual(toks.slice(0, 2).map((t) => [t.start, t.end]), [[0, 2], [4, 14]]);
});

test('tokenize gives the regex tokeniser\'s tokens on random text (astral, marks, spaces, lone surrogates)', () => {
  const alphabet = ['a', 'Z', '7', ' ', '\n', '\r\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', "'", '’', '-', '.', ',', '"', '“', 'é', 'Ж', '\u0301', '中', '𝐀', '😀', '\ud800', '\udc00', 'Mr', 'U', '\u2028', '٣', '—', '_'];
  const random = seededRandom(54321);
  for (const text of randomTexts(alphabet, 3000, 40, 12345)) {
    const from = random(text.length + 1);
    const to = from + random(text.length - from + 1);
    assert.deepEqual(tokenize(text, from, to), reference(text, from, to), JSON.stringify({ text, from, to }));
  }
});

test('tokenizeDocument gives the whole text\'s tokens while versions of a document reuse their lines\' tokens', () => {
  const alphabet = ['a', 'Z', ' ', '\n', '\n', '\r\n', '\n\n', '\u2028', '.', '. ', 'Mr', 'U', 'Dr', 'said', '“', '’', 'é', '😀', '\ud800', '\t'];
  const random = seededRandom(777);
  let versions = 0;
  for (const start of randomTexts(alphabet, 300, 60, 4242)) {
    let text = start;
    for (let edit = 0; edit < 12; edit++) {
      assert.deepEqual(tokenizeDocument(text), tokenize(text, 0, text.length), JSON.stringify(text));
      versions++;
      // a keystroke: insert or delete a piece somewhere
      const at = random(text.length + 1);
      text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(3)) : text.slice(0, at) + alphabet[random(alphabet.length)] + text.slice(at);
    }
  }
  assert.equal(versions, 3600);
});
