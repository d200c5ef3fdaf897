// word-gap: two or more spaces inside a sentence where a word was probably dropped by a
// scraper (a link or an inline element removed with the spaces around it kept):
// `before the   talks moved on`, `a durable  .`. Distinct from the cosmetic double space
// after a full stop, which the `spacing` rule handles. No automatic repair: the missing word
// has to be found in the source; a non-preferred "collapse to one space" is offered.

import type { Problem, Rule } from '../types';
import { scanGaps } from './gaps';

export const WORD_GAP_RULE_ID = 'word-gap';

export const wordGapRule: Rule = {
  id: WORD_GAP_RULE_ID,
  description: 'Several spaces inside a sentence where a word may have been dropped.',
  defaultSeverity: 'warning',
  fixAll: false,
  blockLocal: true,
  check(text: string): Problem[] {
    const out: Problem[] = [];
    try {
      for (const gap of scanGaps(text)) {
        if (gap.kind !== 'word' && gap.kind !== 'before-punct') continue;
        const n = gap.end - gap.start;
        out.push({
          rule: WORD_GAP_RULE_ID,
          start: gap.start,
          end: gap.end,
          severity: 'warning',
          message:
            gap.kind === 'word'
              ? `${n} spaces between two words: a word may be missing here`
              : `${n} spaces before punctuation: a word may be missing here`,
          fixes: [{ title: 'Collapse to one space', edits: [{ start: gap.start, end: gap.end, newText: gap.kind === 'word' ? ' ' : '' }] }],
        });
      }
    } catch {
      return out;
    }
    return out;
  },
};
