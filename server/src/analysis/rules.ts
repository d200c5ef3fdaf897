// The registry of per-document rules. Each rule lives in its own folder with its tests.
import type { Rule } from './types';
import { repeatedWordRule } from './repeatedWord';
import { controlCharacterRule, invisibleCharacterRule, mojibakeRule, replacementCharacterRule } from './encoding';
import { quoteAsApostropheRule, spacedAbbreviationRule, spacingRule, unbalancedQuoteRule, wordGapRule } from './cleaning';

export const allRules: readonly Rule[] = [
  mojibakeRule,
  replacementCharacterRule,
  controlCharacterRule,
  invisibleCharacterRule,
  repeatedWordRule,
  wordGapRule,
  spacingRule,
  quoteAsApostropheRule,
  unbalancedQuoteRule,
  spacedAbbreviationRule,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
