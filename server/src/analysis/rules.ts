// The registry of per-document rules. Each rule lives in its own folder with its tests.
import type { Rule } from './types';
import { repeatedWordRule } from './repeatedWord';
import { controlCharacterRule, invisibleCharacterRule, mojibakeRule, replacementCharacterRule } from './encoding';

export const allRules: readonly Rule[] = [
  mojibakeRule,
  replacementCharacterRule,
  controlCharacterRule,
  invisibleCharacterRule,
  repeatedWordRule,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
