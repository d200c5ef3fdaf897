// `.copydesk.json` at the corpus root: rule levels, file globs and ignored occurrences,
// shared with the team through version control and read by both the server and the CLI.
// Ignores are recorded by content (the flagged text and a little context), not by line, so
// they survive edits elsewhere in the file.
import type { Problem } from '../analysis/types';
import { defaultSettings, resolveSettings, type Settings } from './settings';

export const configFileName = '.copydesk.json';

export interface IgnoreEntry {
  rule: string;
  /** The flagged text. */
  text: string;
  /** Path relative to the corpus root; absent for "ignore in all articles". */
  file?: string;
  /** Text around the flagged text (whitespace collapsed), to tell one occurrence from another. */
  context?: string;
}

export interface ProjectConfig {
  settings: Record<string, unknown>;
  ignore: IgnoreEntry[];
  /** A message for the user when the file could not be read as JSON. */
  error?: string;
}

export function parseProjectConfig(text: string | undefined): ProjectConfig {
  if (text === undefined || text.trim() === '') return { settings: {}, ignore: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { settings: {}, ignore: [], error: `${configFileName} is not valid JSON (${(error as Error).message}); it is ignored until fixed.` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { settings: {}, ignore: [], error: `${configFileName} must hold a JSON object.` };
  const { ignore, ...settings } = raw as Record<string, unknown>;
  const entries: IgnoreEntry[] = [];
  if (Array.isArray(ignore)) {
    for (const e of ignore) {
      if (e && typeof e === 'object' && typeof (e as IgnoreEntry).rule === 'string' && typeof (e as IgnoreEntry).text === 'string') {
        const { rule, text: flagged, file, context } = e as IgnoreEntry;
        entries.push({ rule, text: flagged, file: typeof file === 'string' ? file : undefined, context: typeof context === 'string' ? context : undefined });
      }
    }
  }
  return { settings, ignore: entries };
}

/**
 * Settings from the project file, overridden by the editor's own where it sets them. The
 * editor reports defaults too, so a value equal to the default does not count as set.
 */
export function mergeSettings(project: ProjectConfig, editor: unknown): Settings {
  const fromEditor = (editor && typeof editor === 'object' ? editor : {}) as Record<string, unknown>;
  const defaults = defaultSettings as unknown as Record<string, unknown>;
  const explicit = Object.fromEntries(
    Object.entries(fromEditor).filter(([k, v]) => v !== undefined && v !== null && k !== 'rules' && JSON.stringify(v) !== JSON.stringify(defaults[k])),
  );
  const rules = { ...(project.settings.rules as object | undefined), ...(fromEditor.rules as object | undefined) };
  return resolveSettings({ ...project.settings, ...explicit, rules });
}

const contextChars = 24;
const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** The context recorded for a problem: a little text on each side of it. */
export function contextOf(text: string, problem: Pick<Problem, 'start' | 'end'>): string {
  return collapse(text.slice(Math.max(0, problem.start - contextChars), Math.min(text.length, problem.end + contextChars)));
}

/**
 * Drops the problems an ignore entry matches: same rule and flagged text, and for a
 * per-file entry the same file and the recorded context around it (when the text is known).
 */
export function withoutIgnored(problems: Problem[], ignore: readonly IgnoreEntry[], relativePath: string | undefined, text: string | undefined): Problem[] {
  if (ignore.length === 0 || problems.length === 0) return problems;
  return problems.filter((problem) => {
    for (const entry of ignore) {
      if (entry.rule !== problem.rule) continue;
      if (text !== undefined && text.slice(problem.start, problem.end) !== entry.text) continue;
      if (entry.file === undefined) return false;
      if (entry.file !== relativePath) continue;
      if (entry.context === undefined || text === undefined) return false;
      // Near the start or end of a file the recorded context is shorter than the window now.
      const now = contextOf(text, problem);
      if (now.includes(entry.context) || entry.context.includes(now)) return false;
    }
    return true;
  });
}

/** Adds an entry to the project file's text, keeping everything else it holds. */
export function addIgnore(configText: string | undefined, entry: IgnoreEntry): string {
  let raw: Record<string, unknown> = {};
  if (configText && configText.trim()) {
    const parsed = JSON.parse(configText); // a broken file is not overwritten: the caller reports the error
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed;
  }
  const ignore = Array.isArray(raw.ignore) ? [...raw.ignore] : [];
  const same = (e: IgnoreEntry) => e.rule === entry.rule && e.text === entry.text && e.file === entry.file && e.context === entry.context;
  if (!ignore.some(same)) ignore.push(Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)));
  return JSON.stringify({ ...raw, ignore }, null, 2) + '\n';
}
