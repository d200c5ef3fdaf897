// spacing: cosmetic whitespace that is safe to normalise without looking: two or more spaces
// after a sentence end (`said.  The`), around a dash (`(AP)  —   U.S.`), after a comma or
// between quotation marks, and whitespace at the end of a line. Indentation at a line start and
// table rows (a tab between words, or several multi-space gaps with short cells) are never
// touched. Runs between two words, or before punctuation, are `word-gap`'s (a word may be
// missing there) and are left alone here.

import type { Problem, Rule } from '../types';
import { scanGaps, type GapKind } from './gaps';

export const SPACING_RULE_ID = 'spacing';

const MESSAGES: Partial<Record<GapKind, string>> = {
  sentence: 'Several spaces after the end of a sentence',
  dash: 'Several spaces around a dash',
  other: 'Several spaces in a row',
  trailing: 'Whitespace at the end of the line',
};

export const spacingRule: Rule = {
  id: SPACING_RULE_ID,
  description: 'Double spaces after a sentence or around a dash, and trailing whitespace.',
  defaultSeverity: 'hint',
  fixAll: true,
  blockLocal: true,
  check(text: string): Problem[] {
    const out: Problem[] = [];
    try {
      for (const gap of scanGaps(text)) {
        const message = MESSAGES[gap.kind];
        if (!message) continue;
        const trailing = gap.kind === 'trailing';
        out.push({
          rule: SPACING_RULE_ID,
          start: gap.start,
          end: gap.end,
          severity: 'hint',
          message,
          fixes: [
            {
              title: trailing ? 'Remove trailing whitespace' : 'Collapse to one space',
              edits: [{ start: gap.start, end: gap.end, newText: trailing ? '' : ' ' }],
              preferred: true,
            },
          ],
        });
      }
    } catch {
      return out;
    }
    return out;
  },
};
