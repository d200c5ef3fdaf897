import type { Severity } from '../analysis/types';

export type RuleLevel = Severity | 'off';

export interface Settings {
  /** Glob of corpus files relative to a workspace folder. */
  files: string;
  /** Globs never read. */
  exclude: string[];
  /** Per-rule level; a rule not listed keeps its default severity. */
  rules: Record<string, RuleLevel>;
  /** Files larger than this are listed but not analysed. */
  maxFileSizeMb: number;
  /** Semantic tokens for people, organisations and places. */
  semanticHighlighting: boolean;
  /** Report problems of every article in the corpus, not only open ones. */
  corpusWideProblems: boolean;
}

export const defaultSettings: Settings = {
  files: '**/*.{txt,article}',
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/build/**', '**/.*/**'],
  rules: {},
  maxFileSizeMb: 5,
  semanticHighlighting: true,
  corpusWideProblems: false,
};

const levels: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Merges untrusted settings over the defaults, keeping only values of the right shape. */
export function resolveSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: Settings = { ...defaultSettings, rules: {} };
  if (typeof input.files === 'string' && input.files.trim()) settings.files = input.files;
  if (Array.isArray(input.exclude)) settings.exclude = input.exclude.filter((g): g is string => typeof g === 'string');
  if (typeof input.maxFileSizeMb === 'number' && input.maxFileSizeMb > 0) settings.maxFileSizeMb = input.maxFileSizeMb;
  if (typeof input.semanticHighlighting === 'boolean') settings.semanticHighlighting = input.semanticHighlighting;
  if (typeof input.corpusWideProblems === 'boolean') settings.corpusWideProblems = input.corpusWideProblems;
  if (input.rules && typeof input.rules === 'object') {
    for (const [rule, level] of Object.entries(input.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && (levels as string[]).includes(level)) settings.rules[rule] = level as RuleLevel;
    }
  }
  return settings;
}
