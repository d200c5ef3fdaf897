// Everything derived from one version of one file, computed lazily and kept until the
// file changes. Shared by every feature: diagnostics, hover, references, the CLI.
//
// An open document keeps its text. A file indexed from disk keeps only its summary (line
// offsets, problems, quotes, mentions), computed in a worker or read from the disk cache, so
// a corpus of 50,000 articles does not hold 50,000 texts.
import { isMainThread } from 'node:worker_threads';
import * as v8 from 'node:v8';
import { LineIndex } from '../analysis/lineIndex';
import type { Problem, Severity } from '../analysis/types';
import { allRules, checkRules } from '../analysis/rules';
import { extractQuotes, type Speaker, type StoredQuote } from '../analysis/quotes';
import { recognizeEntities, type Mention, type MentionType } from '../analysis/entities';
import { readableView, type ReadableView } from '../analysis/encoding';
import { boilerplateKeys } from '../analysis/cleaning';
import { decodeFile, type FileEncoding } from './decode';
import type { Settings } from './settings';

export interface FileAnalysisInit {
  uri: string;
  /** Client version for an open document; a disk stamp ("disk:mtime:size") otherwise. */
  version: number | string;
  /** Absent for a file known only by its summary. */
  text?: string;
  encoding: FileEncoding;
  /** Why the file is not analysed (binary, too large), shown to the user. */
  skippedBecause?: string;
  /** Byte offset of the first invalid UTF-8 byte, when encoding is invalid-utf8. */
  firstInvalidByte?: number;
}

/** What the corpus keeps of a file it is not showing: plain data, structured-clone safe. */
export interface FileSummary {
  encoding: FileEncoding;
  skippedBecause?: string;
  firstInvalidByte?: number;
  lineStarts: Uint32Array;
  lineEnds: Uint32Array;
  /** Problems at every rule's default severity. */
  problems: Problem[];
  /** Without `canonical` and `tokens` (QuoteIndex derives them from the text), as columns. */
  quotes: QuoteTable;
  mentions: MentionTable;
  /** Hashes of the lines that count towards boilerplate detection. */
  boilerplateKeys: number[];
}

/** Mentions as columns (a summary holds many; objects would cost several times more). */
export interface MentionTable {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Index into MENTION_TYPES. */
  types: Uint8Array;
  texts: string[];
  /** Titles by mention, or null when no mention of the file has one. */
  titles: Array<string | null> | null;
}

const MENTION_TYPES: readonly MentionType[] = ['person', 'organization', 'place'];

/** Quotes as columns, like mentions. */
export interface QuoteTable {
  /** Per quote QUOTE_STRIDE numbers: start, end, markStart, markEnd, utterance, speaker kind (0: none), speaker start, speaker end. */
  numbers: Uint32Array;
  texts: string[];
  /** Speaker names by quote (null: no speaker), or null when no quote of the file has one. */
  speakers: Array<string | null> | null;
}

const QUOTE_STRIDE = 8;
const SPEAKER_KINDS: ReadonlyArray<Speaker['kind']> = ['name', 'pronoun', 'role'];

function quoteTable(quotes: readonly StoredQuote[]): QuoteTable {
  const n = quotes.length;
  const table: QuoteTable = { numbers: new Uint32Array(n * QUOTE_STRIDE), texts: new Array<string>(n), speakers: null };
  for (let i = 0; i < n; i++) {
    const q = quotes[i];
    const o = i * QUOTE_STRIDE;
    const nums = table.numbers;
    nums[o] = q.start;
    nums[o + 1] = q.end;
    nums[o + 2] = q.markStart;
    nums[o + 3] = q.markEnd;
    nums[o + 4] = q.utterance;
    table.texts[i] = q.text;
    if (q.speaker) {
      nums[o + 5] = SPEAKER_KINDS.indexOf(q.speaker.kind) + 1;
      nums[o + 6] = q.speaker.start;
      nums[o + 7] = q.speaker.end;
      (table.speakers ??= new Array<string | null>(n).fill(null))[i] = q.speaker.name;
    }
  }
  return table;
}

function quotesOf(table: QuoteTable): StoredQuote[] {
  const out: StoredQuote[] = new Array(table.texts.length);
  const nums = table.numbers;
  for (let i = 0; i < out.length; i++) {
    const o = i * QUOTE_STRIDE;
    const kind = nums[o + 5];
    out[i] = {
      start: nums[o], end: nums[o + 1], markStart: nums[o + 2], markEnd: nums[o + 3], text: table.texts[i], utterance: nums[o + 4],
      speaker: kind === 0 ? null : { name: table.speakers![i]!, start: nums[o + 6], end: nums[o + 7], kind: SPEAKER_KINDS[kind - 1] },
    };
  }
  return out;
}

function mentionTable(mentions: readonly Mention[]): MentionTable {
  const n = mentions.length;
  const table: MentionTable = { starts: new Uint32Array(n), ends: new Uint32Array(n), types: new Uint8Array(n), texts: new Array<string>(n), titles: null };
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    table.starts[i] = m.start;
    table.ends[i] = m.end;
    table.types[i] = MENTION_TYPES.indexOf(m.type);
    table.texts[i] = m.text;
    if (m.title !== undefined) (table.titles ??= new Array<string | null>(n).fill(null))[i] = m.title;
  }
  return table;
}

function mentionsOf(table: MentionTable): Mention[] {
  const out: Mention[] = new Array(table.texts.length);
  for (let i = 0; i < out.length; i++) {
    const m: Mention = { start: table.starts[i], end: table.ends[i], text: table.texts[i], type: MENTION_TYPES[table.types[i]] };
    const title = table.titles?.[i];
    if (title !== null && title !== undefined) m.title = title;
    out[i] = m;
  }
  return out;
}

/**
 * One copy of each of the summaries' repeated strings across the corpus. Each summary that comes from a
 * worker or the cache brings its own copies, and names, titles ("Foreign Minister": 22,000 copies at
 * 10k articles), rule ids, severities, problem messages and fix texts repeat a lot.
 */
const strings = new Map<string, string>();
function shared(text: string): string {
  const copy = strings.get(text);
  if (copy !== undefined) return copy;
  if (strings.size > 500_000) strings.clear();
  strings.set(text, text);
  return text;
}
function shareAll(texts: Array<string | null> | null): void {
  if (texts) for (let i = 0; i < texts.length; i++) if (texts[i] !== null) texts[i] = shared(texts[i]!);
}
function shareProblemStrings(problems: Problem[]): Problem[] {
  for (const p of problems) {
    p.rule = shared(p.rule);
    p.severity = shared(p.severity) as Severity;
    p.message = shared(p.message);
    for (const fix of p.fixes) {
      fix.title = shared(fix.title);
      for (const edit of fix.edits) edit.newText = shared(edit.newText);
    }
  }
  return problems;
}

export class FileAnalysis {
  readonly uri: string;
  readonly version: number | string;
  readonly encoding: FileEncoding;
  readonly skippedBecause?: string;
  readonly firstInvalidByte?: number;
  private readonly textOrUndefined?: string;
  private lineIndex?: LineIndex;
  private baseProblems?: Problem[];
  private problemCache?: { key: string; problems: Problem[] };
  private quoteCache?: StoredQuote[];
  /** A summary's quotes, turned into objects on demand. */
  private quoteTable?: QuoteTable;
  private mentionCache?: Mention[];
  /** A summary's mentions, turned into objects on demand. */
  private mentionTable?: MentionTable;
  private viewCache?: ReadableView;
  private viewMentionCache?: Mention[];
  private boilerplateKeyCache?: number[];

  constructor(init: FileAnalysisInit) {
    this.uri = init.uri;
    this.version = init.version;
    this.textOrUndefined = init.text;
    this.encoding = init.encoding;
    this.skippedBecause = init.skippedBecause;
    this.firstInvalidByte = init.firstInvalidByte;
  }

  /**
   * A file known by its summary (indexed from disk, not open). `text`, the decoded text the summary was
   * made from, is kept when given (the CLI, which analyses in workers but fixes and matches ignores by text).
   */
  static fromSummary(uri: string, version: string, summary: FileSummary, text?: string): FileAnalysis {
    const file = new FileAnalysis({ uri, version, text, encoding: shared(summary.encoding) as FileEncoding, skippedBecause: summary.skippedBecause, firstInvalidByte: summary.firstInvalidByte });
    file.lineIndex = new LineIndex(summary.lineStarts, summary.lineEnds);
    file.baseProblems = shareProblemStrings(summary.problems);
    file.quoteTable = summary.quotes;
    shareAll(summary.mentions.texts);
    shareAll(summary.mentions.titles);
    shareAll(summary.quotes.speakers);
    file.mentionTable = summary.mentions;
    file.boilerplateKeyCache = summary.boilerplateKeys;
    return file;
  }

  /** Whether the text itself is held (open documents, the CLI); else only the summary. */
  get hasText(): boolean {
    return this.textOrUndefined !== undefined;
  }

  get text(): string {
    if (this.textOrUndefined === undefined) throw new Error(`${this.uri}: only the summary of this file is in memory`);
    return this.textOrUndefined;
  }

  summary(): FileSummary {
    return {
      encoding: this.encoding,
      skippedBecause: this.skippedBecause,
      firstInvalidByte: this.firstInvalidByte,
      lineStarts: this.lines.starts,
      lineEnds: this.lines.ends,
      problems: this.defaultProblems(),
      quotes: quoteTable(this.quotes()),
      mentions: mentionTable(this.mentions()),
      boilerplateKeys: this.boilerplateKeys(),
    };
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** The text analysis reads: nothing at all for a skipped file. */
  private get analysedText(): string {
    return this.skippedBecause ? '' : this.text;
  }

  /** The text with encoding damage repaired; quotes and names are read from it. */
  private get view(): ReadableView {
    return (this.viewCache ??= readableView(this.analysedText));
  }

  /** Mentions at offsets of the view. */
  private viewMentions(): Mention[] {
    if (this.viewMentionCache) return this.viewMentionCache;
    try {
      this.viewMentionCache = this.skippedBecause ? [] : recognizeEntities(this.view.text);
    } catch {
      this.viewMentionCache = [];
    }
    return this.viewMentionCache;
  }

  /** Named people, organisations and places, in document order, at offsets of the real text. */
  mentions(): Mention[] {
    if (this.mentionCache) return this.mentionCache;
    if (this.mentionTable) return mentionsOf(this.mentionTable);
    const view = this.view;
    const found = this.viewMentions();
    this.mentionCache = view.text === this.analysedText ? found : found.map((m) => ({ ...m, start: view.toOriginal(m.start), end: view.toOriginal(m.end) }));
    return this.mentionCache;
  }

  /** Quotations with their speakers; pronouns resolve to the people the recogniser found. */
  quotes(): StoredQuote[] {
    if (this.quoteCache) return this.quoteCache;
    if (this.quoteTable) return quotesOf(this.quoteTable);
    try {
      const view = this.view;
      // Persons at offsets of the view, where the quote layer reads.
      const persons = this.viewMentions()
        .filter((m) => m.type === 'person')
        .map((m) => ({ start: m.start, end: m.end, name: m.text }));
      const found = this.skippedBecause ? [] : extractQuotes(view.text, persons);
      const map = view.toOriginal;
      this.quoteCache = view.text === this.analysedText ? found : found.map((q) => ({
        ...q,
        start: map(q.start), end: map(q.end), markStart: map(q.markStart), markEnd: map(q.markEnd),
        speaker: q.speaker && { ...q.speaker, start: map(q.speaker.start), end: map(q.speaker.end) },
      }));
    } catch {
      this.quoteCache = [];
    }
    return this.quoteCache;
  }

  boilerplateKeys(): number[] {
    return (this.boilerplateKeyCache ??= boilerplateKeys(this.analysedText));
  }

  /** Index of the quote whose marks contain the offset, or -1. */
  quoteAt(offset: number): number {
    const quotes = this.quotes();
    let low = 0;
    let high = quotes.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const q = quotes[mid];
      if (offset < q.markStart) high = mid - 1;
      else if (offset > q.markEnd) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Problems of every rule at its default severity, in document order. */
  private defaultProblems(): Problem[] {
    if (this.baseProblems) return this.baseProblems;
    const problems: Problem[] = [...this.fileProblems()];
    if (!this.skippedBecause) {
      // Lossy decoding put those U+FFFD there; `not-utf8` already says so once.
      const rules = this.encoding === 'invalid-utf8' ? allRules.filter((rule) => rule.id !== 'replacement-character') : allRules;
      for (const found of checkRules(this.text, rules)) for (const problem of found) problems.push(problem);
    }
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
    return (this.baseProblems = problems);
  }

  /** Problems of every enabled rule, with severities from the settings, in document order. */
  problems(settings: Settings): Problem[] {
    const levels = settings.rules;
    const key = JSON.stringify(levels);
    if (this.problemCache?.key === key) return this.problemCache.problems;
    const problems: Problem[] = [];
    for (const problem of this.defaultProblems()) {
      const level = levels[problem.rule];
      if (level === 'off') continue;
      problems.push(level ? { ...problem, severity: level as Severity } : problem);
    }
    this.problemCache = { key, problems };
    return problems;
  }

  /** Problems about the file as a whole: not UTF-8, binary, too large. */
  private fileProblems(): Problem[] {
    if (this.skippedBecause) {
      return [{ rule: 'file-skipped', start: 0, end: 0, severity: 'information', message: this.skippedBecause, fixes: [] }];
    }
    if (this.encoding === 'invalid-utf8') {
      const at = this.firstInvalidByte !== undefined ? ` (first bad byte at offset ${this.firstInvalidByte})` : '';
      return [{
        rule: 'not-utf8',
        start: 0,
        end: 0,
        severity: 'error',
        message: `This file is not valid UTF-8${at}; it is probably Windows-1252 or Latin-1. Bad bytes are shown as U+FFFD. Re-save it as UTF-8 from its real encoding; Copydesk will not rewrite it.`,
        fixes: [],
      }];
    }
    return [];
  }
}

/**
 * Decodes a file's bytes and analyses it completely: what an indexing worker runs. On the main
 * thread (no worker pool, or a crashed worker's file) the summary is cloned as a worker's message
 * would be: its quote and name texts are slices that would keep the whole text alive.
 */
export function summarizeBytes(uri: string, bytes: Uint8Array): FileSummary {
  const decoded = decodeFile(bytes);
  const file = new FileAnalysis({
    uri,
    version: 'summary',
    text: decoded.text,
    encoding: decoded.encoding,
    firstInvalidByte: decoded.firstInvalidByte,
    skippedBecause: decoded.encoding === 'binary' ? 'Not analysed: this looks like a binary file (it contains NUL bytes).' : undefined,
  });
  const summary = file.summary();
  return isMainThread ? (v8.deserialize(v8.serialize(summary)) as FileSummary) : summary;
}
