// The registry of per-document rules. Each rule lives in its own folder with its tests.
import type { Rule } from './types';
import { repeatedWordRule } from './repeatedWord';

export const allRules: readonly Rule[] = [repeatedWordRule];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
