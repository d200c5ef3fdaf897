import type { Fix, Problem, Rule } from '../types';

const REPLACEMENT = /\uFFFD+/g;
/** `don�t`, `it�s`, `we�ll`: a Windows-1252 apostrophe (0x92) decoded as UTF-8. */
const CONTRACTION_TAIL = /^(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/u;
const LETTER_BEFORE = /\p{L}$/u;

export const replacementCharacterRule: Rule = {
  id: 'replacement-character',
  description: 'U+FFFD REPLACEMENT CHARACTER: a decoder met bytes it could not read and threw them away.',
  defaultSeverity: 'warning',
  // The lost bytes cannot be recovered from the text; only a human can restore them.
  fixAll: false,
  blockLocal: true,
  check(text: string): Problem[] {
    if (text.indexOf('\uFFFD') < 0) return [];
    const problems: Problem[] = [];
    REPLACEMENT.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = REPLACEMENT.exec(text)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      const count = match[0].length;
      const fixes: Fix[] = [];
      const contraction =
        count === 1 && LETTER_BEFORE.test(text.slice(Math.max(0, start - 2), start)) &&
        CONTRACTION_TAIL.test(text.slice(end, end + 3));
      let message =
        `${count === 1 ? 'U+FFFD REPLACEMENT CHARACTER' : `${count} × U+FFFD REPLACEMENT CHARACTER`}: ` +
        'bytes that could not be decoded were thrown away here, and the original character' +
        (count === 1 ? ' is' : 's are') + ' lost';
      if (contraction) {
        message += '; between a word and `' + text.slice(end).match(CONTRACTION_TAIL)![0] + '` it was almost certainly an apostrophe (Windows-1252 0x92 read as UTF-8)';
        fixes.push({ title: 'Replace with `’`', edits: [{ start, end, newText: '’' }], preferred: true });
      }
      fixes.push({ title: 'Delete the replacement character' + (count > 1 ? 's' : ''), edits: [{ start, end, newText: '' }] });
      problems.push({ rule: 'replacement-character', start, end, severity: 'warning', message, fixes });
    }
    return problems;
  },
};
