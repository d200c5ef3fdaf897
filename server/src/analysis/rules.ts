// The registry of per-document rules. Each rule lives in its own folder with its tests.
import type { Rule } from './types';

export const allRules: readonly Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
