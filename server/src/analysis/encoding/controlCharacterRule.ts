import type { Problem, Rule } from '../types';
import { WINDOWS_1252 } from './codePages';
import { codePointName, show } from './classify';
import { insideMojibake, mojibakeRuns } from './mojibakeRule';
import type { EncodingRepair } from './detectMojibake';

// C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls.
// An ANSI escape sequence (`ESC [ 31 m`) is taken whole, as removing ESC alone leaves `[31m`.
const CONTROL = /\x1b\[[0-?]*[ -\/]*[@-~]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+/g;

/**
 * A C1 control in text is almost always a Windows-1252 byte that was decoded as Latin-1:
 * U+0092 was meant as `’`. The five bytes Windows-1252 leaves undefined have no meaning.
 */
function controlReplacement(code: number): string {
  if (code < 0x80 || code >= 0xa0) return '';
  const ch = WINDOWS_1252[code - 0x80];
  return ch.charCodeAt(0) === code ? '' : ch;
}

/** Control-character repairs (not counting C1 controls inside mojibake runs). */
export function controlRepairs(text: string, runs: readonly EncodingRepair[] = mojibakeRuns(text)): EncodingRepair[] {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return [];
  CONTROL.lastIndex = 0;
  const out: EncodingRepair[] = [];
  let match: RegExpExecArray | null;
  while ((match = CONTROL.exec(text)) !== null) {
    const original = match[0];
    const start = match.index;
    if (original.charCodeAt(0) === 0x1b && original.length > 1) {
      out.push({ start, end: start + original.length, original, replacement: '', explanation: `${show(original)} is a terminal colour/formatting escape sequence, not text; remove it` });
      continue;
    }
    // Split the match around mojibake runs, which own their C1 controls.
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      const part = text.slice(runStart, end);
      let replacement = '';
      for (let k = 0; k < part.length; k++) replacement += controlReplacement(part.charCodeAt(k));
      out.push({ start: runStart, end, original: part, replacement, explanation: describe(part, replacement) });
      runStart = -1;
    };
    for (let i = start; i < start + original.length; i++) {
      if (insideMojibake(runs, i, i + 1)) flush(i);
      else if (runStart < 0) runStart = i;
    }
    flush(start + original.length);
  }
  return out;
}

function describe(original: string, replacement: string): string {
  const names = [...original].map((ch) => codePointName(ch.codePointAt(0)!));
  const unique = [...new Set(names)].join(', ');
  const isC1 = [...original].some((ch) => ch.charCodeAt(0) >= 0x80);
  if (replacement !== '') {
    return `${unique} ${original.length > 1 ? 'are C1 controls' : 'is a C1 control'}: Windows-1252 text decoded as Latin-1; it stands for ${show(replacement)}`;
  }
  if (isC1) return `${unique}: control character${original.length > 1 ? 's' : ''} with no meaning in text (undefined in Windows-1252); remove`;
  return `${unique}: invisible control character${original.length > 1 ? 's' : ''} that do${original.length > 1 ? '' : 'es'} not belong in text; remove`;
}

export const controlCharacterRule: Rule = {
  id: 'control-character',
  description: 'Control characters in text: C0 controls other than tab and line breaks, DEL, and C1 controls.',
  defaultSeverity: 'warning',
  fixAll: true,
  blockLocal: true,
  check(text: string): Problem[] {
    return controlRepairs(text).map((r) => ({
      rule: 'control-character',
      start: r.start,
      end: r.end,
      severity: 'warning',
      message: r.explanation,
      fixes: [{
        title: r.replacement === '' ? 'Remove control character' + (r.original.length > 1 ? 's' : '') : `Replace with ${show(r.replacement)}`,
        edits: [{ start: r.start, end: r.end, newText: r.replacement }],
        preferred: true,
      }],
    }));
  },
};
