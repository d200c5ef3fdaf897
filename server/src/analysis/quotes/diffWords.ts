// Word-level difference between two printed versions of a quote, for hovers. Words compare by
// canonical form, so typography and case never show up as differences; the text shown is each
// side's own surface form.

import { canonicalize } from './canonicalize';
import { DiffOp } from './types';

/** Above this many cells the middle part is reported as one removal and one addition. */
const MAX_CELLS = 4_000_000;

export function diffWords(a: string, b: string): DiffOp[] {
  const wa = words(a);
  const wb = words(b);
  const ka = wa.map(key);
  const kb = wb.map(key);
  // Common prefix and suffix first: cheap, and usually most of a quote.
  let p = 0;
  while (p < ka.length && p < kb.length && ka[p] === kb[p]) p++;
  let s = 0;
  while (s < ka.length - p && s < kb.length - p && ka[ka.length - 1 - s] === kb[kb.length - 1 - s]) s++;
  const ops: DiffOp[] = [];
  for (let i = 0; i < p; i++) push(ops, 'same', wa[i]);
  middle(wa.slice(p, wa.length - s), wb.slice(p, wb.length - s), ka.slice(p, ka.length - s), kb.slice(p, kb.length - s), ops);
  for (let i = wa.length - s; i < wa.length; i++) push(ops, 'same', wa[i]);
  return ops;
}

function middle(wa: string[], wb: string[], ka: string[], kb: string[], ops: DiffOp[]): void {
  const n = ka.length;
  const m = kb.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    for (const w of wa) push(ops, 'removed', w);
    for (const w of wb) push(ops, 'added', w);
    return;
  }
  // LCS table over suffixes, then walk it forwards.
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = ka[i] === kb[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      push(ops, 'same', wa[i]);
      i++;
      j++;
    } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
      push(ops, 'removed', wa[i++]);
    } else {
      push(ops, 'added', wb[j++]);
    }
  }
  while (i < n) push(ops, 'removed', wa[i++]);
  while (j < m) push(ops, 'added', wb[j++]);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function key(word: string): string {
  return canonicalize(word).canonical || word;
}

/** Consecutive words with the same op become one run, separated by single spaces. */
function push(ops: DiffOp[], op: DiffOp['op'], word: string): void {
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += ' ' + word;
  else ops.push({ op, text: word });
}
