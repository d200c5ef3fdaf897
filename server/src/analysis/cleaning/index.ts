// Corpus cleaning beyond spelling (issue #10): dropped-word gaps, spacing, quotation marks used
// as apostrophes, unbalanced quotation marks, spaced abbreviations, and cross-file boilerplate.
export { wordGapRule, WORD_GAP_RULE_ID } from './wordGap';
export { spacingRule, SPACING_RULE_ID } from './spacing';
export { scanGaps, type Gap, type GapKind } from './gaps';
export { quoteAsApostropheRule, quoteApostrophes, apostropheStyle, QUOTE_AS_APOSTROPHE_RULE_ID } from './quoteAsApostrophe';
export { unbalancedQuoteRule, unbalancedQuotes, type UnbalancedMark, UNBALANCED_QUOTE_RULE_ID } from './unbalancedQuote';
export {
  spacedAbbreviationRule,
  spacedAbbreviations,
  spacedAbbreviationProblems,
  joinedAbbreviations,
  KNOWN_ABBREVIATIONS,
  SPACED_ABBREVIATION_RULE_ID,
  type SpacedAbbreviation,
} from './spacedAbbreviation';
export {
  BoilerplateIndex,
  boilerplateKeys,
  lineKeyHash,
  residueShape,
  normaliseLine,
  deletionEdits,
  lineDeletionEdit,
  BOILERPLATE_RULE_ID,
  DEFAULT_MIN_FILES,
  MAX_BOILERPLATE_LINE,
  type BoilerplateOccurrence,
  type BoilerplateOptions,
} from './boilerplate';

import type { Rule } from '../types';
import { wordGapRule } from './wordGap';
import { spacingRule } from './spacing';
import { quoteAsApostropheRule } from './quoteAsApostrophe';
import { unbalancedQuoteRule } from './unbalancedQuote';
import { spacedAbbreviationRule } from './spacedAbbreviation';

/** The per-document cleaning rules (boilerplate is cross-file: see BoilerplateIndex). */
export const cleaningRules: readonly Rule[] = [wordGapRule, spacingRule, quoteAsApostropheRule, unbalancedQuoteRule, spacedAbbreviationRule];
