// The registry of per-document rules. Each rule lives in its own folder with its tests.
import type { Problem, Rule } from './types';
import { BlockMemo, blockEnds } from './blocks';
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

/**
 * The problems of each rule over `text`, in rule order; a rule that throws has none (it must not
 * cost the user the other rules). For a new version of the text checked last, block-local rules
 * re-check only the blocks that changed.
 */
export function checkRules(text: string, rules: readonly Rule[]): Problem[][] {
  const blocks = rules.some((rule) => rule.blockLocal === true) ? checkedBlocks.blocks(text) : undefined;
  const paragraphs = rules.some((rule) => rule.blockLocal === 'paragraphs') ? checkedParagraphs.blocks(text) : undefined;
  return rules.map((rule) => {
    try {
      const own = rule.blockLocal === 'paragraphs' ? paragraphs : rule.blockLocal ? blocks : undefined;
      if (!own) return rule.check(text);
      const out: Problem[] = [];
      for (const { value, offset } of own) {
        let found = value.byRule.get(rule.id);
        if (!found) value.byRule.set(rule.id, (found = rule.check(value.text)));
        for (const problem of found) out.push(offset === 0 ? problem : shifted(problem, offset));
      }
      return out;
    } catch {
      return [];
    }
  });
}

/** Per block of the last text checked: its text and what each rule found there. */
const checkedBlocks = new BlockMemo((text) => ({ text, byRule: new Map<string, Problem[]>() }), (text) => blockEnds(text, true));
/** The same per paragraph (blocks that end at blank lines only), for rules that read across a line break. */
const checkedParagraphs = new BlockMemo((text) => ({ text, byRule: new Map<string, Problem[]>() }), (text) => blockEnds(text, false));

function shifted(problem: Problem, by: number): Problem {
  return {
    ...problem,
    start: problem.start + by,
    end: problem.end + by,
    fixes: problem.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by })) })),
  };
}
