import type { Problem, Rule } from '../types';
import { codePointName, isRtlCode } from './classify';
import { insideMojibake, mojibakeRuns } from './mojibakeRule';

// Format characters that render as nothing. Each has legitimate uses, screened out below.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff]/g;

function codeBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const cp = text.codePointAt(i - 1)!;
  if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) return text.codePointAt(i - 2)!;
  return cp;
}

function codeAfter(text: string, i: number): number {
  return i < text.length ? text.codePointAt(i)! : -1;
}

/** Pictographs that take part in emoji ZWJ sequences (👩‍💻, ❤️‍🔥, 🏳️‍🌈). */
function isEmojiPart(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2190 && cp <= 0x21ff) ||
    (cp >= 0x2b00 && cp <= 0x2bff) || cp === 0xfe0f || cp === 0x20e3 || cp === 0x2640 || cp === 0x2642 ||
    cp === 0x00a9 || cp === 0x00ae || cp === 0x203c || cp === 0x2049 || cp === 0x2122 || (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

/** Scripts in which joiners shape letters: Arabic, Syriac, Indic, Sinhala, Myanmar, Khmer... */
function isJoiningScript(cp: number): boolean {
  return (
    (cp >= 0x600 && cp <= 0x8ff) || (cp >= 0x900 && cp <= 0xdff) || (cp >= 0x1000 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc) ||
    (cp >= 0x0f00 && cp <= 0x0fff)
  );
}

/** Scripts written without spaces, where a zero-width space marks word boundaries. */
function isUnspacedScript(cp: number): boolean {
  return (
    (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x17ff) ||
    (cp >= 0x0f00 && cp <= 0x0fff) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x4e00 && cp <= 0x9fff)
  );
}

function lineHasRtl(text: string, i: number): boolean {
  const from = Math.max(0, i - 200);
  const to = Math.min(text.length, i + 200);
  for (let k = from; k < to; k++) if (isRtlCode(text.charCodeAt(k))) return true;
  return false;
}

/** Whether the invisible character at `i` is misplaced, or doing its legitimate job. */
function misplaced(text: string, i: number): boolean {
  const cp = text.charCodeAt(i);
  const before = codeBefore(text, i);
  const after = codeAfter(text, i + 1);
  switch (true) {
    case cp === 0xfeff:
      return i > 0; // at offset 0 it is the file's byte order mark
    case cp === 0x200d:
      return !((isEmojiPart(before) && isEmojiPart(after)) || (isJoiningScript(before) && isJoiningScript(after)));
    case cp === 0x200c:
      return !(isJoiningScript(before) || isJoiningScript(after));
    case cp === 0x200b:
      return !(isUnspacedScript(before) || isUnspacedScript(after));
    case cp >= 0xfe00 && cp <= 0xfe0f:
      // Selectors after emoji, symbols, digits (keycaps) and CJK are meaningful; after a
      // Latin letter, a space or another selector they select nothing.
      return before === -1 || before === 0x20 || before === 0x0a || (before >= 0xfe00 && before <= 0xfe0f) ||
        (before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a);
    case cp === 0x200e || cp === 0x200f || cp === 0x61c:
      return !lineHasRtl(text, i); // direction marks are needed around numbers in RTL text
    default:
      return true; // soft hyphen, word joiner, bidi embeddings/overrides/isolates, etc.
  }
}

const WHY: Record<string, string> = {
  bidi: 'a bidirectional control that reorders how the text displays without being visible',
  soft: 'a soft hyphen: invisible, but it splits the word for search, spelling and counting',
  bom: 'a byte order mark in the middle of the text, left where files were concatenated',
  zero: 'an invisible character that breaks words apart for search, spelling and counting',
  vs: 'a variation selector with no emoji or symbol to apply to',
};

function reason(cp: number): string {
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x61c) return WHY.bidi;
  if (cp === 0xad) return WHY.soft;
  if (cp === 0xfeff) return WHY.bom;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return WHY.vs;
  return WHY.zero;
}

export const invisibleCharacterRule: Rule = {
  id: 'invisible-character',
  description: 'Invisible format characters out of place: zero-width spaces and joiners, soft hyphens, stray byte order marks, bidi controls.',
  // Information: the text reads the same on screen; the harm is to search, counting and
  // copying, which matters but is not a visible error in the article.
  defaultSeverity: 'information',
  fixAll: true,
  // not block-local: a byte order mark opening the text is no problem, one opening a block is
  check(text: string): Problem[] {
    INVISIBLE.lastIndex = 0;
    if (!INVISIBLE.test(text)) return [];
    INVISIBLE.lastIndex = 0;
    const runs = mojibakeRuns(text);
    const problems: Problem[] = [];
    let match: RegExpExecArray | null;
    let open: Problem | undefined;
    while ((match = INVISIBLE.exec(text)) !== null) {
      const i = match.index;
      if (!misplaced(text, i) || insideMojibake(runs, i, i + 1)) continue;
      const cp = text.charCodeAt(i);
      if (open && open.end === i) {
        open.end = i + 1;
        open.message = `${text.slice(open.start, open.end).length} invisible characters (${[...new Set([...text.slice(open.start, open.end)].map((c) => codePointName(c.charCodeAt(0))))].join(', ')}) that change nothing on screen; remove them`;
        open.fixes[0].edits[0].end = i + 1;
        open.fixes[0].title = 'Remove invisible characters';
        continue;
      }
      open = {
        rule: 'invisible-character',
        start: i,
        end: i + 1,
        severity: 'information',
        message: `${codePointName(cp)}: ${reason(cp)}; remove it`,
        fixes: [{ title: `Remove ${codePointName(cp)}`, edits: [{ start: i, end: i + 1, newText: '' }], preferred: true }],
      };
      problems.push(open);
    }
    return problems;
  },
};
