// boilerplate: lines that are not part of the story — scraper residue (media players, share
// buttons, navigation, newsletter and cookie notices) and template lines an outlet prints under
// every article. Two sources of evidence:
//
// 1. Shape: a line matching a known residue pattern (`residueShape`) is reported in any file,
//    even alone in the corpus. The short title line right above a media-player block ("Please
//    wait", "No media source currently available") is reported with it.
// 2. Counts: a line that recurs verbatim (after normalising whitespace, case, curly marks and a
//    leading bullet) in at least `minFiles` (default 3) files of the corpus. What can count:
//    lines of at most 300 characters with two or more letters that are not quotations (no line
//    starting with a quotation mark, none holding a quoted span of 4+ words: the same quotation
//    printed by several outlets is news, not boilerplate), bylines ("By …") or datelines
//    ("MOSCOW (Reuters) —"). Then:
//    - a file's first line (its headline) needs twice the threshold: an outlet's updates of one
//      story share a headline;
//    - a prose line (12+ words ending like a sentence) counts only in a block of such lines at
//      the head or the tail of the file (a footer), never in the middle of the article;
//    - a file whose prose lines are mostly (> half, at least 3) repeated elsewhere is a
//      syndicated copy: its repeated lines are left alone (only shapes are reported there).
//
// `BoilerplateIndex` keeps, per normalised line, the files containing it; `setFile` costs
// O(lines in that file) and never rescans the corpus.

import type { Problem, TextEdit } from '../types';
import { isBlankChar, isLetter, lines, type Line } from './text';
import { flatCopy } from '../flatCopy';
import { commonEnds } from '../commonEnds';

export const BOILERPLATE_RULE_ID = 'boilerplate';

/** Longest line that can count as boilerplate by repetition. */
export const MAX_BOILERPLATE_LINE = 300;
export const DEFAULT_MIN_FILES = 3;

export interface BoilerplateOptions {
  /** Files a line must appear in to count as boilerplate by repetition (default 3, at least 2). */
  minFiles?: number;
}

export interface BoilerplateOccurrence {
  problem: Problem;
  /** The normalised line, for `filesContaining` and `deletionEdits`. */
  key: string;
  /** Files containing the line: the indexed ones plus the queried file (computed on first read). */
  readonly files: string[];
  reason: 'shape' | 'media-title' | 'repeated';
  /** What the line looks like, for `shape` (e.g. "media player"). */
  shape?: string;
}

// ---------------------------------------------------------------------------
// Normalisation and shapes.

/** The identity of a line: trimmed, leading bullet dropped, spaces collapsed, lower case, straight marks. */
export function normaliseLine(line: string): string {
  let s = line.trim();
  if (s.length > 0 && BULLETS.includes(s[0])) s = s.replace(/^[•·▪◦*–—-]+\s*/u, '');
  const found = lineFeatures(s);
  if (found & COLLAPSE) s = s.replace(/[\s\u200b]+/g, ' ').trim();
  s = s.toLowerCase();
  if (found & CURLY) s = s.replace(/[‘’ʼ]/g, "'").replace(/[“”„]/g, '"');
  return s;
}

const COLLAPSE = 1;
const CURLY = 2;

/**
 * What normaliseLine has to rewrite in a line, in one pass over its characters (two regex
 * searches cost more on paragraph-long lines): COLLAPSE for two white-space characters in a row,
 * white space other than a space, or U+200B; CURLY for ‘ ’ ʼ “ ” „.
 */
function lineFeatures(s: string): number {
  let found = 0;
  let previousSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20) {
        if (previousSpace) found |= COLLAPSE;
        previousSpace = true;
        continue;
      }
      if (c >= 0x09 && c <= 0x0d) found |= COLLAPSE;
      previousSpace = false;
      continue;
    }
    if (c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x201c || c === 0x201d || c === 0x201e) found |= CURLY;
    else if (c === 0x200b || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) found |= COLLAPSE;
    previousSpace = false;
  }
  return found;
}

const BULLETS = '•·▪◦*–—-';

/** Words of a normalised line, counted up to `cap` + 1 (enough to compare with a limit of `cap`). */
function wordCount(s: string, cap = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n <= cap; i++) {
    const sp = s.charCodeAt(i) === 0x20;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

const NAV_LABELS = new Set(
  [
    'accessibility links', 'skip to main content', 'skip to content', 'skip to navigation', 'skip to main navigation',
    'skip to search', 'jump to main content', 'jump to content', 'main menu', 'menu', 'search', 'home', 'sections',
    'breaking news', 'top stories', 'latest news', 'most read', 'most popular', 'most viewed', 'trending', 'related',
    'related articles', 'related stories', 'related content', 'related topics', 'recommended', 'advertisement', 'ad',
    'sponsored', 'sponsored content', 'story highlights', 'sign in', 'log in', 'subscribe', 'close', 'back to top',
    'next article', 'previous article', 'read more', 'see more', 'show more', 'load more', 'share', 'tweet', 'email',
    'print', 'whatsapp', 'facebook', 'twitter', 'linkedin', 'copy link', 'comments', 'show comments', 'share this article',
    'share this story', 'share this page', 'share article', 'share story', 'continue reading', 'more stories',
  ],
);

const MEDIA_PLAYER = new Set([
  'please wait', 'loading', 'loading...', 'loading…', 'no media source currently available', 'video unavailable',
  'this video is unavailable', 'this video is unavailable.', 'play video', 'watch video', 'play', 'pause', 'mute',
  'unmute', 'fullscreen', 'replay', 'up next', 'next video', 'media playback is unsupported on your device',
  'media playback is not supported on this device', 'your browser does not support the video tag.',
  'your browser does not support the video element.', 'your browser does not support the audio element.',
]);

// [pattern on the normalised line, label, most words, words one of which the pattern needs]
// The needed words let a paragraph skip a pattern it cannot match with a substring search.
const SHAPES: Array<[RegExp, string, number, string[]?]> = [
  [/^(\d{1,2}:)?\d{1,2}:\d{2}(\s*(\/|of|-)?\s*(\d{1,2}:)?\d{1,2}:\d{2})*$/, 'media player timestamp', 8],
  [/^\d{1,2}:\d{2}(:\d{2})?\s*[-–—|]\s*source:/, 'video duration caption', 8],
  [/^(watch|video|listen|audio|watch live|live)\s*[:|]\s*\S/, 'media teaser', 15],
  [/^(image|photo|picture)\s+(copyright|caption|source|credit)\b/, 'image caption', 40],
  [/^\d+x\d+ image$/, 'image placeholder', 3],
  [/^(getty images|ap photo\b.*|[\w .]+\/getty images|[\w .]+ via getty images)$/, 'photo credit', 8],
  [/^(share (this|on|via)\b|share article\b|share story\b)/, 'share buttons', 10],
  [/^(read more|see also|related|more on this story|more on this|also read|read also|recommended)\s*[:|»›>-]\s*\S/, 'related link', 20],
  [/\b(sign up|subscribe)\b.{0,80}\b(newsletters?|briefing|inbox|e-?mail|alerts)\b/, 'newsletter promotion', 45, ['sign up', 'subscribe']],
  [/\b(delivered|sent) (straight |directly |right )?to your inbox\b/, 'newsletter promotion', 45, ['to your inbox']],
  [/^get (the|our) .{0,60}\b(newsletters?|briefing)\b/, 'newsletter promotion', 45],
  [/\b(we use cookies|(this|our) (web)?site uses cookies|cookie (policy|settings|preferences|notice)|accept (all )?cookies|by continuing to (use|browse) (this|our) (site|website))\b/, 'cookie notice', 60, ['cookie', 'by continuing to']],
  [/^((©|\(c\)|copyright ©?)\s*(\d{4})?|.*\ball rights reserved\.?$)/, 'copyright notice', 20],
  [/\bclick here\b/, 'link text', 15, ['click here']],
  [/^follow (us|@\w+|.{0,40} on (twitter|facebook|instagram|x|telegram))\b/, 'social media promotion', 12],
];
const MOST_SHAPE_WORDS = Math.max(...SHAPES.map(([, , most]) => most));

/** What kind of residue a line looks like on its own, or null. */
export function residueShape(line: string): string | null {
  const key = normaliseLine(line);
  return key ? shapeOfKey(key) : null;
}

function shapeOfKey(key: string): string | null {
  if (MEDIA_PLAYER.has(key)) return 'media player';
  if (NAV_LABELS.has(key)) return 'navigation or page label';
  if (key.length > 600) return null;
  const words = wordCount(key, MOST_SHAPE_WORDS);
  for (const [re, label, maxWords, needs] of SHAPES) {
    if (words > maxWords || (needs && !needs.some((word) => key.includes(word)))) continue;
    if (re.test(key)) return label;
  }
  return null;
}

/** Whether a normalised line may count towards repetition (shapes always may). */
function countable(key: string, raw: string): boolean {
  if (key.length > MAX_BOILERPLATE_LINE) return false;
  let letters = 0;
  for (let i = 0; i < key.length && letters < 2; i++) if (isLetter(key.charCodeAt(i))) letters++;
  if (letters < 2) return false;
  const first = key.charCodeAt(0);
  if (first === 0x22 || first === 0x27 || first === 0xab || first === 0xbb) return false; // a quotation
  if (hasLongQuotation(key)) return false; // holds a quoted span of 4+ words
  if (/^by [\p{L}]/u.test(key) && wordCount(key) <= 7) return false; // a byline
  if (/[—–-]$/.test(key) && wordCount(key) <= 6 && /\p{Lu}/u.test(raw)) return false; // a dateline
  return true;
}

/** Whether a normalised line holds a "…" span of four or more words. */
function hasLongQuotation(key: string): boolean {
  let open = -1;
  let spaces = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x22) {
      if (open >= 0 && spaces >= 3) return true;
      open = open >= 0 ? -1 : i;
      spaces = 0;
    } else if (c === 0x20 && open >= 0) spaces++;
  }
  return false;
}

function isProse(key: string): boolean {
  return wordCount(key, 12) >= 12 && /[.!?…"')]$/.test(key);
}

// ---------------------------------------------------------------------------
// Per-line facts for one text.

interface LineFact {
  line: Line;
  /** Index of the line among all lines of the text. */
  index: number;
  /** Content bounds (trimmed). */
  cs: number;
  ce: number;
  key: string;
  shape: string | null;
  counted: boolean;
  /** lineKeyHash(key) when counted. */
  hash: number;
}

/**
 * The lines and line facts of the last text read. A keystroke reads the same text twice: once for
 * the index keys (boilerplateKeys) and once for the problems (find); the facts are never mutated.
 * The next text reuses what the last one said of the lines both share unchanged (a keystroke
 * changes one line; the article's other lines were normalised and matched a moment ago).
 */
let lastText: string | undefined;
let lastFacts: { all: Line[]; facts: LineFact[] } | undefined;
function linesAndFacts(text: string): { all: Line[]; facts: LineFact[] } {
  if (lastFacts && lastText === text) return lastFacts;
  const all = lines(text);
  const result = { all, facts: lineFacts(text, all, lastText, lastFacts?.facts) };
  lastText = text;
  lastFacts = result;
  return result;
}

function lineFacts(text: string, all: Line[], previous?: string, previousFacts?: LineFact[]): LineFact[] {
  // Content in the common prefix sits where it sat; in the common suffix, `delta` further on.
  let prefix = 0;
  let suffix = 0;
  let byStart: Map<number, LineFact> | undefined;
  if (previous !== undefined && previousFacts?.length) {
    ({ prefix, suffix } = commonEnds(previous, text));
    // Worth it when most of the text is shared (a new version of the same article), not for strangers.
    if (2 * (prefix + suffix) >= text.length) byStart = new Map(previousFacts.map((f) => [f.cs, f]));
  }
  const delta = text.length - (previous?.length ?? 0);
  const out: LineFact[] = [];
  for (let index = 0; index < all.length; index++) {
    const line = all[index];
    let cs = line.start;
    while (cs < line.end && isBlankChar(text.charCodeAt(cs))) cs++;
    if (cs === line.end) continue;
    let ce = line.end;
    while (ce > cs && isBlankChar(text.charCodeAt(ce - 1))) ce--;
    let content: LineContent | null = null;
    if (byStart) {
      // The same characters as a line of the previous text: what they said still holds.
      const shift = ce <= prefix ? 0 : cs >= text.length - suffix ? delta : undefined;
      const same = shift === undefined ? undefined : byStart.get(cs - shift);
      // (the key is copied: it may be a slice of the previous text, which must not stay alive through it)
      if (same && same.ce === ce - shift!) content = { key: flatCopy(same.key), shape: same.shape, counted: same.counted, hash: same.hash };
    }
    content ??= lineContent(text.slice(cs, ce));
    if (content) out.push({ line, index, cs, ce, key: content.key, shape: content.shape, counted: content.counted, hash: content.hash });
  }
  return out;
}

type LineContent = Pick<LineFact, 'key' | 'shape' | 'counted' | 'hash'>;

/** What a line's content says (null: nothing to index). */
function lineContent(raw: string): LineContent | null {
  const key = normaliseLine(raw);
  if (!key) return null;
  const shape = shapeOfKey(key);
  const counted = shape !== null || countable(key, raw);
  return { key, shape, counted, hash: counted ? lineKeyHash(key) : 0 };
}

function isBlankLine(text: string, l: Line): boolean {
  for (let i = l.start; i < l.end; i++) if (!isBlankChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The edit deleting the line holding offset `at`, with its line break. When the line sits
 * between two blank lines (or after a blank line at the start), the blank line after it goes
 * too, so blank-line-separated files keep one separator. The last line, with no break after
 * it, loses only its content (never the break before it, so edits for adjacent lines never
 * overlap).
 */
export function lineDeletionEdit(text: string, at: number): TextEdit {
  const all = lines(text);
  let idx = 0;
  while (idx < all.length - 1 && all[idx].next <= at) idx++;
  return deletionFor(text, all, idx);
}

function deletionFor(text: string, all: Line[], idx: number): TextEdit {
  const l = all[idx];
  if (l.next === l.end) return { start: l.start, end: l.end, newText: '' };
  let end = l.next;
  const prevBlank = idx === 0 || isBlankLine(text, all[idx - 1]);
  const after = all[idx + 1];
  if (prevBlank && after && after.next > after.end && isBlankLine(text, after)) end = after.next;
  return { start: l.start, end, newText: '' };
}

/** Edits deleting every line of `text` whose normalised form is `key` (for "delete from all files"). */
export function deletionEdits(text: string, key: string): TextEdit[] {
  const all = lines(text);
  const out: TextEdit[] = [];
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    if (l.end - l.start < key.length || normaliseLine(text.slice(l.start, l.end)) !== key) continue;
    out.push(deletionFor(text, all, i));
  }
  return out;
}

// ---------------------------------------------------------------------------
// The index.

type FileSet = string | Set<string>;

/**
 * A 52-bit hash of a normalised line: the index keeps numbers, not the lines themselves, so
 * a 50,000-article corpus does not hold a second copy of its text. Collisions at this width
 * are negligible for the few million distinct lines of a corpus.
 */
export function lineKeyHash(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/** The hashed keys of a text's lines that count towards repetition (what setFile indexes). */
export function boilerplateKeys(text: string): number[] {
  const keys = new Set<number>();
  try {
    for (const f of linesAndFacts(text).facts) if (f.counted) keys.add(f.hash);
  } catch {
    // never throws: index what was read
  }
  return [...keys];
}

export class BoilerplateIndex {
  /** file → its distinct counted keys. */
  private readonly byFile = new Map<string, number[]>();
  /** key → the files containing it (a bare string while there is only one). */
  private readonly byKey = new Map<number, FileSet>();
  /**
   * Bumped whenever another file's verdicts or messages could change: a line shared with another
   * file came or went, or a file came or went. Typing inside a line of one's own changes nothing.
   */
  version = 0;

  /** Number of indexed files. */
  get size(): number {
    return this.byFile.size;
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  /** Index (or re-index) one file: O(lines in the file). */
  setFile(file: string, text: string): void {
    this.setFileKeys(file, boilerplateKeys(text));
  }

  /** Index one file from keys computed elsewhere (a worker thread, the warm-start cache). */
  setFileKeys(file: string, list: number[]): void {
    const old = this.byFile.get(file);
    if (old) {
      // A keystroke changes a line or two: touch only the keys that came or went.
      const now = new Set(list);
      const before = new Set(old);
      this.dropKeys(file, old.filter((key) => !now.has(key)));
      this.byFile.set(file, list);
      this.addKeys(file, list.filter((key) => !before.has(key)));
      return;
    }
    this.version++;
    this.byFile.set(file, list);
    this.addKeys(file, list);
  }

  private addKeys(file: string, list: number[]): void {
    for (const key of list) {
      const cur = this.byKey.get(key);
      if (cur !== undefined) this.version++; // shared with another file
      if (cur === undefined) this.byKey.set(key, file);
      else if (typeof cur === 'string') this.byKey.set(key, new Set([cur, file]));
      else cur.add(file);
    }
  }

  removeFile(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    this.version++;
    this.dropKeys(file, old);
  }

  private dropKeys(file: string, old: number[]): void {
    for (const key of old) {
      const cur = this.byKey.get(key);
      if (cur === undefined) continue;
      if (typeof cur === 'string') {
        if (cur === file) this.byKey.delete(key);
      } else {
        this.version++; // another file still has it
        cur.delete(file);
        if (cur.size === 1) this.byKey.set(key, cur.values().next().value as string);
        else if (cur.size === 0) this.byKey.delete(key);
      }
    }
  }

  /** Indexed files containing a normalised line (see `normaliseLine`), sorted. */
  filesContaining(key: string): string[] {
    const cur = this.byKey.get(lineKeyHash(key));
    if (cur === undefined) return [];
    return typeof cur === 'string' ? [cur] : [...cur].sort();
  }

  private countOf(hash: number, file: string): number {
    const cur = this.byKey.get(hash);
    if (cur === undefined) return 1;
    if (typeof cur === 'string') return cur === file ? 1 : 2;
    return cur.size + (cur.has(file) ? 0 : 1);
  }

  /**
   * Boilerplate in `text` (the current content of `file`, indexed or not), with the key and
   * the files holding each line so a caller can delete it everywhere. Counts treat `text` as
   * the file's content even when the index holds an older version.
   */
  occurrences(file: string, text: string, options?: BoilerplateOptions): BoilerplateOccurrence[] {
    try {
      return this.find(file, text, options);
    } catch {
      return [];
    }
  }

  problemsFor(file: string, text: string, options?: BoilerplateOptions): Problem[] {
    return this.occurrences(file, text, options).map((o) => o.problem);
  }

  private find(file: string, text: string, options?: BoilerplateOptions): BoilerplateOccurrence[] {
    const minFiles = Math.max(2, Math.floor(options?.minFiles ?? DEFAULT_MIN_FILES));
    const total = this.byFile.size + (this.byFile.has(file) ? 0 : 1);
    const { all, facts } = linesAndFacts(text);
    const n = facts.length;
    const counts = facts.map((f) => (f.counted ? this.countOf(f.hash, file) : 1));

    // Media-player blocks: the short title line right above one.
    const mediaTitle = new Array<boolean>(n).fill(false);
    for (let i = 1; i < n; i++) {
      const s = facts[i].shape;
      if (s !== 'media player' || facts[i - 1].shape) continue;
      const title = facts[i - 1].key;
      if (facts[i].index - facts[i - 1].index === 1 && wordCount(title) <= 12 && !/[.!?]$/.test(title)) mediaTitle[i - 1] = true;
    }

    // Repetition, with the headline, edge-block and syndicated-copy guards.
    const repeated = facts.map((f, i) => f.counted && counts[i] >= (i === 0 ? 2 * minFiles : minFiles));
    const prose = facts.map((f) => isProse(f.key));
    let proseLines = 0;
    let repeatedProse = 0;
    for (let i = 0; i < n; i++) {
      if (!prose[i]) continue;
      proseLines++;
      if (repeated[i]) repeatedProse++;
    }
    const syndicated = repeatedProse >= 3 && repeatedProse * 2 > proseLines;
    const residue = (i: number) => facts[i].shape !== null || mediaTitle[i] || repeated[i];
    let head = 0;
    while (head < n && residue(head)) head++;
    let tail = n;
    while (tail > 0 && residue(tail - 1)) tail--;

    const out: BoilerplateOccurrence[] = [];
    for (let i = 0; i < n; i++) {
      const f = facts[i];
      let reason: BoilerplateOccurrence['reason'] | null = null;
      if (f.shape) reason = 'shape';
      else if (mediaTitle[i]) reason = 'media-title';
      else if (repeated[i] && !syndicated && (!prose[i] || i < head || i >= tail)) reason = 'repeated';
      if (!reason) continue;
      const count = counts[i];
      const seen = count >= 2 ? `Appears in ${count} of ${total} articles.` : '';
      let message: string;
      if (reason === 'shape') message = `Looks like scraped page residue (${f.shape}), not part of the story. ${seen}`.trim();
      else if (reason === 'media-title') message = `Title of an embedded media player: scraped page residue, not part of the story. ${seen}`.trim();
      else message = `${seen} Repeated verbatim across articles: probably boilerplate, not part of the story.`;
      const problem: Problem = {
        rule: BOILERPLATE_RULE_ID,
        start: f.cs,
        end: f.ce,
        severity: 'information',
        message,
        fixes: [{ title: 'Delete this line', edits: [deletionFor(text, all, f.index)] }],
      };
      const self = this;
      const key = f.key;
      const counted = f.counted;
      let files: string[] | undefined;
      out.push({
        problem,
        key,
        // Computed on first use: listing a line held by thousands of files costs O(files).
        get files(): string[] {
          return (files ??= counted ? self.filesWith(key, file) : [file]);
        },
        reason,
        ...(reason === 'shape' ? { shape: f.shape as string } : {}),
      });
    }
    return out;
  }

  /** Files holding `key`, counting `file` as holding it (it is in the text being checked). */
  private filesWith(key: string, file: string): string[] {
    const files = this.filesContaining(key);
    if (!files.includes(file)) {
      files.push(file);
      files.sort();
    }
    return files;
  }
}
